import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { holdIndexRead, isRangeRead } from '../support/index-read.ts';
import {
  apiEvents,
  asShown,
  LOG_PATH,
  scrollAndCollect,
  type ShownRow,
  signInContext,
  tableScroller,
  waitForRows,
} from './viewer-helpers.ts';

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

async function countPageRequests(page: Page) {
  const requests: string[] = [];
  page.on('request', (request) => {
    // The table's pages; the range index's whole-range reads ask pages of LARGEST_PAGE_SIZE,
    // and the newer-events check asks with no end.
    const url = request.url();
    const table = !isRangeRead(url) && url.includes('endTime=');
    if (url.includes('/auditlogs/v2') && table) {
      requests.push(url);
    }
  });
  return requests;
}

test('pages load while scrolling, newest first, with no duplicate or gap', async ({
  page,
  request,
  baseURL,
  adminToken,
}) => {
  const requests = await countPageRequests(page);
  // The table reads the API's pages until the range index holds the view; the index's read is
  // held here, so this is the API's paging (row-window.spec.ts checks the index's rows).
  await holdIndexRead(page);
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const rows = await scrollAndCollect(page, 350);

  expect(requests.length).toBeGreaterThanOrEqual(3);
  expect(requests.slice(1).every((url) => url.includes('continuationToken='))).toBe(true);
  expect(rows.length).toBeGreaterThanOrEqual(350);
  expect(rows.map((row) => row.index)).toEqual(rows.map((_, i) => i));
  for (let i = 1; i < rows.length; i++) {
    expect(rows[i]!.dateTime <= rows[i - 1]!.dateTime, `row ${i} is not older`).toBe(true);
  }
  // Events have no id and the log really holds some identical ones, so "no duplicate" means: no
  // event is shown more often than the API has it, and the rows are the API's, in its order.
  const all = (await apiEvents(request, baseURL!, adminToken, {})).map(asShown);
  const key = (r: ShownRow) => `${r.dateTime}|${r.login}|${r.event}|${r.description}`;
  const available = countBy(all.map(key));
  for (const [k, shown] of countBy(rows.map(key)))
    expect(shown).toBeLessThanOrEqual(available.get(k)!);
  expect(rows).toEqual(all.slice(0, rows.length));
});

test('the DOM holds only the rows in view, however many are loaded', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const rows = await scrollAndCollect(page, 800);
  expect(rows.length).toBeGreaterThanOrEqual(800);
  const rendered = await page.locator('[data-testid="log-row"]').count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(60);
  expect(await page.locator('[role="row"]').count()).toBeLessThan(60);
});

test('a row clips each of its texts once, and nothing spills out of a column', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const rows = page.locator('[data-testid="log-row"]');
  // Every clipping box is one more clip the browser paints and layerizes for every row of a
  // fast scroll: a one-line row has one per text (time, name, login or a machine actor's line,
  // event, category, description, address, token), one more for the actor's line and one for
  // flags when there are any, and none around them (it had fifteen). An avatar image clips by
  // itself (replaced content) and is not counted.
  const clips = await rows.evaluateAll((all) =>
    all.map(
      (row) =>
        [...row.querySelectorAll('*')].filter(
          (el) => el.tagName !== 'IMG' && getComputedStyle(el).overflowX !== 'visible',
        ).length,
    ),
  );
  expect(Math.max(...clips)).toBeLessThanOrEqual(10);
  // And nothing runs over into the next column: what clips stays inside its cell, and so does
  // anything not inside something that clips (the avatar, the badges, the flags).
  const spills = await rows.evaluateAll((all) =>
    all.flatMap((row) =>
      [...row.querySelectorAll<HTMLElement>('[role="cell"]')].flatMap((cell) => {
        const box = cell.getBoundingClientRect();
        const clipping = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
        if (clipping(cell)) return [];
        const outermost = (el: Element) => {
          let shown: Element = el;
          for (let at: Element | null = el; at && at !== cell; at = at.parentElement)
            if (clipping(at)) shown = at;
          return shown;
        };
        return [...cell.querySelectorAll('*')]
          .map((el) => outermost(el).getBoundingClientRect())
          .filter((r) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5))
          .map((r) => `${cell.className}: ${r.left}–${r.right} outside ${box.left}–${box.right}`);
      }),
    ),
  );
  expect(spills).toEqual([]);
});

test('a view ends with a clear end-of-log row', async ({ page, request, baseURL, adminToken }) => {
  const expected = await apiEvents(request, baseURL!, adminToken, {
    eventFilter: 'environment-read',
  });
  await page.goto(`${LOG_PATH}?event=environment-read`);
  await waitForRows(page);
  const rows = await scrollAndCollect(page);
  expect(rows).toEqual(expected.map(asShown));
  await expect(page.getByTestId('table-footer')).toHaveText(
    `Start of the audit log for this view: ${expected.length} events`,
  );
  await expect(tableScroller(page)).toBeVisible();
});
