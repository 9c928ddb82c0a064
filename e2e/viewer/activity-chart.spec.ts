/**
 * The activity chart: bars of one hour over a week, the busiest hour opened in one click, a drag
 * across several bars, the stacking kept in the URL. Every count is checked against the API's own
 * events for the same seconds.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import {
  apiEvents,
  countText,
  expectTopUser,
  LOG_PATH,
  pickCalendarPreset,
  readRangeIfAsked,
  readShownRows,
  signInContext,
  urlRange,
  viewApiBounds,
  waitForRows,
} from './viewer-helpers.ts';

const HOUR = 3600;

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  // Each test reads a week from the page and from the API, twice over in upstream mode.
  test.slow();
  await signInContext(context, baseURL!, adminToken);
});

async function openChart(page: Page, query: string) {
  await page.goto(`${LOG_PATH}?${query}`);
  await waitForRows(page);
  await readRangeIfAsked(page);
  const plot = page.getByRole('group', { name: /^Events over time/ });
  await expect(plot).toBeVisible();
  return plot;
}

/** The events a bar's name counts: `…: 312 events, …` → 312. */
const countOf = (label: string) => Number(/: ([\d,]+) events?/.exec(label)![1]!.replace(/,/g, ''));

/** The commonest login of `events`, ties by login (as the chart names a bar's top user). */
function topLogin(events: { user: { githubLogin: string } }[]) {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.user.githubLogin, (counts.get(e.user.githubLogin) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
}

/** How many of these events each UTC hour holds, and the most any hour holds. */
function perHourOf(events: Array<{ timestamp: number }>) {
  const perHour = new Map<number, number>();
  for (const e of events) {
    const hour = Math.floor(e.timestamp / HOUR) * HOUR;
    perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
  }
  return { perHour, most: Math.max(...perHour.values()) };
}

test('over 7 days the chart has a bar per hour, and the busiest hour is counted as the API counts it', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  const plot = await openChart(page, 'range=7d&tz=utc');
  await expect(plot).toHaveAccessibleName(/one bar per hour/);
  const bounds = await viewApiBounds(page);
  const all = await apiEvents(request, baseURL!, adminToken, bounds);
  const { most } = perHourOf(all);

  // The bars say their counts; the tallest holds as many as the API's busiest hour.
  const labels = await plot
    .getByRole('button')
    .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('aria-label') ?? ''));
  expect(labels.reduce((sum, label) => sum + countOf(label), 0)).toBe(all.length);
  const tallest = labels.findIndex((label) => countOf(label) === most);
  expect(tallest).toBeGreaterThanOrEqual(0);

  // Opening that bar: an hour at most, counted by the API, its top user named on the bar.
  await plot.getByRole('button').nth(tallest).click();
  await expect(page).toHaveURL(/from=.*&to=/);
  const hour = urlRange(page);
  expect(hour.to - hour.from).toBeLessThanOrEqual(HOUR);
  const inHour = await apiEvents(request, baseURL!, adminToken, {
    startTime: hour.from,
    endTime: hour.to,
  });
  expect(inHour).toHaveLength(most);
  const [login, count] = topLogin(inHour);
  expect(labels[tallest]).toMatch(new RegExp(`top user .*\\(${count}\\)`));
  await expect(page.getByTestId('match-count')).toHaveText(countText(most));
  await expectTopUser(page, login, count);
});

test('a drag across several bars opens exactly their hours', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  const plot = await openChart(page, 'range=7d&tz=utc');
  const { startTime } = await viewApiBounds(page);
  const slots = plot.locator('.activity-chart__slot');
  const count = await slots.count();
  expect(count).toBeGreaterThanOrEqual(168);
  const [first, last] = [Math.floor(count * 0.4), Math.floor(count * 0.4) + 9];
  const a = (await slots.nth(first).boundingBox())!;
  const b = (await slots.nth(last).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 2, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=.*&to=/);
  const { from, to } = urlRange(page);
  const firstHour = Math.floor(Number(startTime) / HOUR) * HOUR;
  expect(from).toBe(firstHour + first * HOUR);
  expect(to).toBe(firstHour + (last + 1) * HOUR);
  const expected = await apiEvents(request, baseURL!, adminToken, { startTime: from, endTime: to });
  await readRangeIfAsked(page);
  await expect(page.getByTestId('match-count')).toHaveText(countText(expected.length));
  // The rows shown are those hours' own.
  if (expected.length > 0) await waitForRows(page);
  for (const row of await readShownRows(page)) {
    const at = Date.parse(row.dateTime) / 1000;
    expect(at >= from && at < to).toBe(true);
  }
});

test('the keyboard reaches the bars: arrows move, focus names the bar, Shift selects, Enter opens', async ({
  page,
}) => {
  const plot = await openChart(page, 'range=7d&tz=utc');
  const bars = plot.getByRole('button');
  await bars.first().focus();
  await page.keyboard.press('End');
  const last = await bars.last().getAttribute('aria-label');
  await expect(bars.last()).toBeFocused();
  await expect(page.locator('.activity-chart__tip')).toContainText(/top user/);
  await page.keyboard.press('Home');
  await expect(bars.first()).toBeFocused();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/from=.*&to=/);
  const { from, to } = urlRange(page);
  expect(to - from).toBeGreaterThan(HOUR);
  expect(last).toMatch(/events?/);
});

test('the stacking is kept in the URL through a reload, named in the legend, with no serious axe violations', async ({
  page,
}) => {
  await openChart(page, 'range=7d');
  const stackBy = page.getByRole('group', { name: 'Stack bars by' });
  await stackBy.getByRole('button', { name: 'User' }).click();
  await expect(page).toHaveURL(/[?&]group=user(&|$)/);
  const legend = page.getByRole('list', { name: 'Stacks' });
  await expect(legend.getByRole('listitem')).not.toHaveCount(0);
  expect(await seriousViolations(page, '.activity-chart')).toEqual([]);

  await page.reload();
  await waitForRows(page);
  await readRangeIfAsked(page);
  await expect(page).toHaveURL(/[?&]group=user(&|$)/);
  await expect(stackBy.getByRole('button', { name: 'User' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await stackBy.getByRole('button', { name: 'Category' }).click();
  await expect(page).toHaveURL(/[?&]group=category(&|$)/);
  await expect(legend).toContainText('Other categories');
  expect(await seriousViolations(page, '.activity-chart')).toEqual([]);

  // The default (failures apart) is left out of the URL; a bad value is named.
  await stackBy.getByRole('button', { name: 'Failures' }).click();
  await expect(page).toHaveURL(`${LOG_PATH}?range=7d`);
  await page.goto(`${LOG_PATH}?range=7d&group=team`);
  await expect(page).toHaveURL(`${LOG_PATH}?range=7d`);
  const notice = page.getByRole('alert').filter({ hasText: 'Some parts of the link were ignored' });
  await expect(notice).toContainText('group=team');
  await expect(notice).toContainText('not a chart grouping');
});

test('the busiest hour of last week and who was in it: three actions, one URL, counted as the API counts them', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  await page.goto(`${LOG_PATH}?tz=utc`);
  await waitForRows(page);
  // 1, 2: the range.
  await pickCalendarPreset(page, 'Last week');
  await readRangeIfAsked(page);
  const week = await apiEvents(request, baseURL!, adminToken, await viewApiBounds(page));
  const { perHour, most } = perHourOf(week);
  // 3: the hour, the busiest of the range.
  await page.getByRole('button', { name: /^Busiest hour:/ }).click();
  await expect(page).toHaveURL(/from=.*&to=/);
  const { from, to } = urlRange(page);
  expect(perHour.get(Math.floor(from / HOUR) * HOUR)).toBe(most);
  expect(to - from).toBeLessThanOrEqual(HOUR);
  const inHour = await apiEvents(request, baseURL!, adminToken, { startTime: from, endTime: to });
  expect(inHour).toHaveLength(most);
  await readRangeIfAsked(page);
  await expect(page.getByTestId('match-count')).toHaveText(countText(inHour.length));
  // An hour is drawn in minutes.
  await expect(page.getByRole('group', { name: /^Events over time/ })).toHaveAccessibleName(
    /one bar per minute/,
  );
  // Who: the Users facet, commonest first, as the API counts them.
  const [login, count] = topLogin(inHour);
  await expectTopUser(page, login, count);
});
