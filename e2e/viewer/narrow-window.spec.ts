/** At 768 px (a tablet, a half-screen window) the log page fits: no sideways scroll, all controls. */
import { expect, test } from '../support/fixtures.ts';
import { LOG_PATH, pageScrollsSideways, signInContext, waitForRows } from './viewer-helpers.ts';

test.use({ viewport: { width: 768, height: 900 } });

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

test('the log page fits 768 px and every toolbar control works', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  expect(await pageScrollsSideways(page)).toBe(false);

  const controls = [
    page.getByRole('button', { name: /^Event:/ }),
    page.getByRole('button', { name: /^Time range:/ }),
    page.getByRole('group', { name: 'Time zone' }),
    page.getByRole('button', { name: 'Copy link' }),
    page.getByRole('button', { name: 'Download', exact: true }),
    page.getByRole('button', { name: 'Load newer events' }),
    page.getByRole('button', { name: /^Table view/ }),
  ];
  for (const control of controls) {
    await expect(control).toBeVisible();
    await expect(control).toBeInViewport({ ratio: 1 });
  }

  await page.getByRole('button', { name: /^Event:/ }).click();
  const picker = page.getByRole('listbox', { name: 'Event types' });
  await expect(picker).toBeInViewport({ ratio: 1 });
  await page.getByRole('combobox', { name: 'Search event types' }).fill('user login');
  await page.getByRole('option', { name: 'User Login', exact: true }).click();
  await expect(page).toHaveURL(`${LOG_PATH}?event=user-login`);
  await waitForRows(page);
  expect(await pageScrollsSideways(page)).toBe(false);

  await page.getByRole('button', { name: /^Time range:/ }).click();
  expect(await pageScrollsSideways(page)).toBe(false);
  await page.getByRole('button', { name: 'Last 90 days' }).click();
  await expect(page).toHaveURL(`${LOG_PATH}?event=user-login&range=90d`);
  await page.getByRole('button', { name: 'UTC' }).click();
  await expect(page).toHaveURL(`${LOG_PATH}?event=user-login&range=90d&tz=utc`);
  await waitForRows(page);
  const rows = page.locator('[data-testid="log-row"]');
  expect(await rows.count()).toBeGreaterThan(5);
  await expect(rows.first()).toBeInViewport();
});

test('time, user, event and source IP stay in view at 768 px', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  for (const name of ['Time', 'User', 'Event', 'Source IP']) {
    await expect(page.getByRole('columnheader', { name, exact: true })).toBeInViewport({
      ratio: 1,
    });
  }
  const ip = page.locator('[data-row-index="0"] .log-cell--ip');
  await expect(ip).toBeInViewport({ ratio: 1 });
  expect(await ip.locator('[title]').getAttribute('title')).toMatch(/[.:]/);
});

test('the details panel fits 768 px', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  await page.locator('[data-row-index="0"] .log-cell--event').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeInViewport({ ratio: 1 });
  expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await pageScrollsSideways(page)).toBe(false);
});
