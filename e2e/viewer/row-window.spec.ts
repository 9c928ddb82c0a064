/**
 * The table has one row window whatever the source: the API's pages until the range index
 * holds the view whole, then the index's. The switch happens only once the index has answered
 * the rows in view, so no row in view turns into "Loading…", and the rows the index serves are
 * the API's, every one, in its order. Directly and through upstream mode.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { holdIndexRead } from '../support/index-read.ts';
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
