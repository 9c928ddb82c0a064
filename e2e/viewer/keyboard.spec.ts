import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import {
  LOG_PATH,
  readShownRows,
  signInContext,
  tableScroller,
  waitForRows,
} from './viewer-helpers.ts';

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

/** The index of the focused row, or undefined when focus is not on a row. */
function focusedRow(page: Page) {
  return page.evaluate(() => {
    const index = document.activeElement?.getAttribute('data-row-index');
    return index === null || index === undefined ? undefined : Number(index);
  });
}

async function openLog(page: Page) {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  // The count, chart and facets arrive while the range is read, and facets reorder as counts
  // grow (a moved button loses focus); keys are pressed once the read is done and kept, on the
  // page as it then stays, with the facets' buttons after the table in the Tab order.
  await expect(page.getByRole('complementary', { name: 'Facets' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/kept in this browser/)).toBeVisible({ timeout: 30_000 });
  // End goes to the oldest row loaded: once the rows are the kept read's, that is the last of
  // the view, and the row count no longer grows under the keys.
  await expect(tableScroller(page)).toHaveAttribute('data-row-source', 'index');
}

test('the first Tab reaches the skip link, which leads to the first row', async ({ page }) => {
  await openLog(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the events' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await focusedRow(page)).toBe(0);
});

test('the table is one Tab stop, avatars included', async ({ page }) => {
  await openLog(page);
  await page.locator('[data-row-index="0"]').focus();
  await page.keyboard.press('Tab');
  const inTable = () => tableScroller(page).evaluate((el) => el.contains(document.activeElement));
  expect(await inTable()).toBe(false);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedRow(page)).toBe(0);
});

test('Page Down, End and Home move the focus and keep the focused row in view', async ({
  page,
}) => {
  await openLog(page);
  await page.locator('[data-row-index="0"]').focus();
  const expectVisibleFocus = async (check: (index: number) => boolean) => {
    await expect.poll(async () => check((await focusedRow(page)) ?? -1)).toBe(true);
    await expect(page.locator(`[data-row-index="${await focusedRow(page)}"]`)).toBeInViewport();
  };
  // A page is the rows the table shows, however many this window's height holds.
  const shown = await tableScroller(page).evaluate((scroller) => {
    const box = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('[data-row-index]')].filter((row) => {
      const { top, bottom } = row.getBoundingClientRect();
      return top >= box.top && bottom <= box.bottom;
    }).length;
  });
  expect(shown).toBeGreaterThan(3);
  await page.keyboard.press('PageDown');
  await expectVisibleFocus((index) => index >= shown - 1);
  const afterOnePage = (await focusedRow(page))!;
  await page.keyboard.press('PageDown');
  await expectVisibleFocus((index) => index >= afterOnePage * 2 - 1);
  // The view is read whole, so the table states its row count (a header row and the events)
  // although only a window of the rows is in memory.
  const last = await page.evaluate(
    () => Number(document.querySelector('[role="table"]')?.getAttribute('aria-rowcount')) - 2,
  );
  expect(last).toBeGreaterThan(afterOnePage * 2);
  await page.keyboard.press('End');
  await expectVisibleFocus((index) => index === last);
  await page.keyboard.press('Home');
  await expectVisibleFocus((index) => index === 0);
});

test('focus stays on its row when the table is scrolled away from it', async ({ page }) => {
  await openLog(page);
  await page.locator('[data-row-index="2"]').focus();
  await tableScroller(page).evaluate((el) => el.scrollBy(0, 20_000));
  await expect(page.locator('[data-row-index="2"]')).not.toBeInViewport();
  expect(await focusedRow(page)).toBe(2);
  await page.keyboard.press('ArrowDown');
  expect(await focusedRow(page)).toBe(3);
  await expect(page.locator('[data-row-index="3"]')).toBeInViewport();
});

test('u shows only the events of the focused row’s user', async ({ page }) => {
  await openLog(page);
  const login = (await readShownRows(page))[1]!.login;
  await page.locator('[data-row-index="1"]').focus();
  await page.keyboard.press('u');
  await expect(page).toHaveURL(`${LOG_PATH}?user=${login}`);
});
