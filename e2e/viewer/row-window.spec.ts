/**
 * The table has one row window whatever the source: the API's pages until the range index
 * holds the view whole, then the index's. The switch happens only once the index has answered
 * the rows in view, so no row in view turns into "Loading…", and the rows the index serves are
 * the API's, every one, in its order. Directly and through upstream mode.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { isNewerEventsCheck } from '../../src/features/audit-log/api/newer-events-query.ts';
import { holdIndexRead, isRangeRead } from '../support/index-read.ts';
import {
  apiEvents,
  asShown,
  LOG_PATH,
  scrollAndCollect,
  signInContext,
  tableScroller,
  viewApiBounds,
  waitForRows,
} from './viewer-helpers.ts';

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

/** Counts, from the first frame on, every row in view that shows "Loading…" after rows had shown. */
async function watchForLoadingRows(page: Page) {
  await page.addInitScript(() => {
    const seen = { rows: false, loading: 0, done: false };
    (window as unknown as { rowWatch: typeof seen }).rowWatch = seen;
    const check = () => {
      for (const row of document.querySelectorAll('[data-testid="log-row"]')) {
        if (row.textContent?.includes('Loading…')) {
          if (seen.rows) seen.loading++;
        } else {
          seen.rows = true;
        }
      }
      if (!seen.done) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  // Read once, after which the watch stops (it costs a query of the rows every frame).
  return () =>
    page.evaluate(() => {
      const seen = (window as unknown as { rowWatch: { loading: number; done: boolean } }).rowWatch;
      seen.done = true;
      return seen.loading;
    });
}

test('rows turn from the API’s pages to the index’s without a “Loading…” row, and stay the API’s rows in its order', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  // Scrolls a view of several hundred rows to its end.
  test.slow();
  const loadingRows = await watchForLoadingRows(page);
  // The index's read (pages of the largest size) waits until the API's rows are on screen.
  const release = await holdIndexRead(page);
  await page.goto(`${LOG_PATH}?range=30d&tz=utc`);
  await waitForRows(page);
  await expect(tableScroller(page)).toHaveAttribute('data-row-source', 'api');
  release();
  await expect(tableScroller(page)).toHaveAttribute('data-row-source', 'index', {
    timeout: 30_000,
  });
  expect(await loadingRows()).toBe(0);

  const bounds = await viewApiBounds(page);
  const rows = await scrollAndCollect(page);
  const expected = (await apiEvents(request, baseURL!, adminToken, bounds)).map(asShown);
  expect(expected.length).toBeGreaterThan(100);
  expect(rows.length).toBe(expected.length);
  expect(rows).toEqual(expected);
  await expect(tableScroller(page)).toHaveAttribute('data-row-source', 'index');
  await expect(page.getByTestId('table-footer')).toHaveText(
    `Start of the audit log for this view: ${expected.length} events`,
  );
});

test('while the index reads the view, the table asks the API for no page ahead until the person scrolls', async ({
  page,
}) => {
  const release = await holdIndexRead(page);
  // The table's pages: the view's bounds (Pulumi-like services are also sampled for density).
  const lists: URLSearchParams[] = [];
  page.on('request', (request) => {
    const url = request.url();
    const list = new URL(url).pathname.endsWith('/auditlogs/v2');
    if (list && !isRangeRead(url) && !isNewerEventsCheck(url))
      lists.push(new URL(url).searchParams);
  });
  const bounds = (params: URLSearchParams | undefined) =>
    `${params?.get('startTime')}-${params?.get('endTime')}`;
  const tablePages = () => lists.filter((params) => bounds(params) === bounds(lists[0]));
  await page.goto(`${LOG_PATH}?range=30d&tz=utc`);
  await waitForRows(page);
  await expect(tableScroller(page)).toHaveAttribute('data-row-source', 'api');
  // Pages ahead were asked as soon as the first page rendered; the read brings them instead.
  await page.waitForTimeout(1000);
  expect(tablePages()).toHaveLength(1);
  // Scrolled a little (far from the first page's end), the table reads ahead as ever.
  await tableScroller(page).evaluate((scroller) => (scroller.scrollTop = 400));
  await expect.poll(() => tablePages().length).toBeGreaterThan(1);
  release();
});
