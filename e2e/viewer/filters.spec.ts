import { expect, test } from '../support/fixtures.ts';
import {
  apiEvents,
  asShown,
  LOG_PATH,
  readShownRows,
  scrollAndCollect,
  signInContext,
  waitForRows,
  pickCalendarPreset,
} from './viewer-helpers.ts';

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

test('clicking an avatar shows only that user’s events, and the URL says so', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  // A person rather than the organization's machine actor, whose events fill half the log.
  const person = (await readShownRows(page)).find((row) => row.login !== 'acme')!.login;
  await page
    .getByRole('button', { name: `Show only events by ${person}` })
    .first()
    .click();
  await expect(page).toHaveURL(`${LOG_PATH}?user=${person}`);
  const login = new URL(page.url()).searchParams.get('user');
  await expect(page.getByRole('group', { name: 'Active filters' })).toContainText(login!);
  await waitForRows(page);
  const rows = await scrollAndCollect(page);
  expect(rows.every((row) => row.login === login)).toBe(true);
  const expected = await apiEvents(request, baseURL!, adminToken, { userFilter: login! });
  expect(rows).toEqual(expected.map(asShown));
});

test('the event picker filters through the API', async ({ page, request, baseURL, adminToken }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  await page.getByRole('button', { name: /^Event:/ }).click();
  const search = page.getByRole('combobox', { name: 'Search event types' });
  await search.fill('environment read');
  await expect(page.getByRole('option', { name: 'Environment Read', exact: true })).toBeVisible();
  await search.press('Enter');
  await expect(page).toHaveURL(`${LOG_PATH}?event=environment-read`);
  // The filtered view's own first row, not the last view's still on screen.
  await expect(page.locator('[data-row-index="0"] .log-cell--event [title]')).toHaveAttribute(
    'title',
    'environment-read',
  );
  const rows = await scrollAndCollect(page);
  const expected = await apiEvents(request, baseURL!, adminToken, {
    eventFilter: 'environment-read',
  });
  expect(rows).toEqual(expected.map(asShown));
});

test('a custom time range filters through the API, bounds included and excluded', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  const all = await apiEvents(request, baseURL!, adminToken, {});
  // A window of about 150 events, ending exactly on an event (excluded) and starting on one (included).
  const startTime = all[300]!.timestamp;
  const endTime = all[150]!.timestamp;
  const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  await page.goto(`${LOG_PATH}?from=${iso(startTime)}&to=${iso(endTime)}&tz=utc`);
  await waitForRows(page);
  const rows = await scrollAndCollect(page);
  const expected = await apiEvents(request, baseURL!, adminToken, { startTime, endTime });
  expect(rows.length).toBeGreaterThan(100);
  expect(rows).toEqual(expected.map(asShown));
  expect(rows.at(-1)!.dateTime).toBe(iso(startTime));
  expect(rows.every((row) => row.dateTime < iso(endTime))).toBe(true);
});

test('a preset range is set from the picker and shown as a chip', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  await page.getByRole('button', { name: /^Time range:/ }).click();
  await page.getByRole('button', { name: 'Last 30 days' }).click();
  await expect(page).toHaveURL(`${LOG_PATH}?range=30d`);
  await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('Last 30 days');
  const cutoff = new Date(Date.now() - 30 * 86400_000).toISOString();
  await waitForRows(page);
  const rows = await readShownRows(page);
  expect(rows.every((row) => row.dateTime >= cutoff.slice(0, 19))).toBe(true);
});

test("a calendar preset names that exact day in the URL, in the view's zone", async ({ page }) => {
  await page.goto(`${LOG_PATH}?tz=utc`);
  await waitForRows(page);
  await pickCalendarPreset(page, 'Yesterday');
  const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  const yesterday = new Date(today.getTime() - 86400_000);
  const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');
  await expect(page).toHaveURL(
    `${LOG_PATH}?from=${encodeURIComponent(iso(yesterday))}&to=${encodeURIComponent(iso(today))}&tz=utc`,
  );
  await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('00:00:00 UTC');
});

test('back, forward and reload restore views', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  await page.getByRole('button', { name: 'UTC' }).click();
  await expect(page).toHaveURL(`${LOG_PATH}?tz=utc`);
  await page.goto(`${LOG_PATH}?event=user-login&tz=utc`);
  await waitForRows(page);
  await page
    .getByRole('button', { name: /^Show only events by / })
    .first()
    .click();
  await expect(page).toHaveURL(/user=.+&event=user-login&tz=utc$/);
  const filtered = page.url();

  await page.goBack();
  await expect(page).toHaveURL(`${LOG_PATH}?event=user-login&tz=utc`);
  const removeUser = page.getByRole('button', { name: /^Remove filter User:/ });
  await expect(removeUser).toHaveCount(0);
  await page.goForward();
  await expect(page).toHaveURL(filtered);
  await expect(removeUser).toHaveCount(1);

  await page.reload();
  await expect(page).toHaveURL(filtered);
  await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('User Login');
  await expect(page.getByRole('columnheader', { name: 'Time (UTC)' })).toBeVisible();
  await removeUser.click();
  await expect(page).toHaveURL(`${LOG_PATH}?event=user-login&tz=utc`);
});

test('bad values in the URL are dropped with a notice, replacing the entry', async ({ page }) => {
  await page.goto(LOG_PATH);
  await page.goto(`${LOG_PATH}?from=yesterday&event=no-such-event&user=kim&bogus=1`);
  await expect(page).toHaveURL(`${LOG_PATH}?user=kim`);
  const notice = page.getByRole('alert').filter({ hasText: 'Some parts of the link were ignored' });
  await expect(notice).toContainText('from=yesterday');
  await expect(notice).toContainText('event=no-such-event');
  await expect(notice).toContainText('bogus=1');
  await waitForRows(page);
  await page.goBack();
  await expect(page).toHaveURL(LOG_PATH);
  await page.goForward();
  await expect(page).toHaveURL(`${LOG_PATH}?user=kim`);
});

test('from after to is refused with a notice, never a crash', async ({ page }) => {
  await page.goto(`${LOG_PATH}?from=2026-11-08T00:00:00Z&to=2026-11-01T00:00:00Z&tz=utc`);
  await expect(page).toHaveURL(`${LOG_PATH}?tz=utc`);
  await expect(page.getByRole('alert')).toContainText('not before `to`');
  await waitForRows(page);
});

test('Copy link copies the view’s URL', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${LOG_PATH}?event=user-login&range=7d`);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});
