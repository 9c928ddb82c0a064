/**
 * Resizing columns (a drag on a header's edge, the keyboard on its handle, a double-click to fit),
 * the widths kept in the view's link, and the time column pinned while the table scrolls sideways.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import {
  LOG_PATH,
  openAsColleague,
  signInContext,
  tableScroller,
  waitForRows,
} from './viewer-helpers.ts';

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

const widthParam = (page: Page) => new URL(page.url()).searchParams.get('w');
const handle = (page: Page, name: string) =>
  page.getByRole('separator', { name: `Resize ${name} column` });
/** A column's width on screen, from its header cell. */
const headerWidth = (page: Page, id: string) =>
  page
    .locator(`.log-row--head > .log-cell--${id}`)
    .evaluate((cell) => Math.round(cell.getBoundingClientRect().width));
/** Whether every rendered cell of a column is as wide as its row's cell of the header. */
const cellsMatchHeader = (page: Page, id: string) =>
  tableScroller(page).evaluate((scroller, column) => {
    const width = (cell: Element) => Math.round(cell.getBoundingClientRect().width);
    const head = scroller.querySelector(`.log-row--head > .log-cell--${column}`)!;
    const cells = [...scroller.querySelectorAll(`.log-row--body > .log-cell--${column}`)];
    return cells.length > 0 && cells.every((cell) => width(cell) === width(head));
  }, id);

test('a dragged header edge widens its column, and a reload and a shared link keep it', async ({
  page,
  browser,
  baseURL,
  adminToken,
}) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  // The facets beside the table come with the range's read: the edge is where it stays after.
  await expect(page.getByRole('complementary', { name: 'Facets' })).toBeVisible({
    timeout: 30_000,
  });
  // A click on an edge without a drag changes nothing: the link below names the dragged column only.
  await handle(page, 'Source IP').click();
  const before = await headerWidth(page, 'description');
  const edge = (await handle(page, 'Description').boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  // Several moves, as a hand makes them; the column follows during the drag.
  for (const dx of [40, 80, 120, 160]) {
    await page.mouse.move(edge.x + edge.width / 2 + dx, edge.y + edge.height / 2);
  }
  await expect.poll(() => headerWidth(page, 'description')).toBe(before + 160);
  await page.mouse.up();
  await expect.poll(() => widthParam(page)).toBe(`description:${before + 160}`);
  expect(await cellsMatchHeader(page, 'description')).toBe(true);
  await expect(handle(page, 'Description')).toHaveAttribute('aria-valuenow', `${before + 160}`);

  await page.reload();
  await waitForRows(page);
  expect(await headerWidth(page, 'description')).toBe(before + 160);
  expect(await cellsMatchHeader(page, 'description')).toBe(true);

  const colleague = await openAsColleague(browser, baseURL!, adminToken, page.url());
  expect(await headerWidth(colleague, 'description')).toBe(before + 160);
  await colleague.context().close();

  // The View menu puts every column back on its default track.
  await page.getByRole('button', { name: /^Table view/ }).click();
  await page.getByRole('button', { name: 'Reset column widths' }).click();
  await expect.poll(() => widthParam(page)).toBeNull();
  // Back on its flexible track (its width then depends on what else is on the page).
  await expect
    .poll(() => tableScroller(page).evaluate((el) => el.style.getPropertyValue('--log-columns')))
    .toContain('minmax(200px, 2fr)');
});

test('the keyboard resizes a column on its handle, and Enter fits its widest value', async ({
  page,
}) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const ip = handle(page, 'Source IP');
  await expect(ip).toHaveAttribute('aria-valuenow', '150');
  await expect(ip).toHaveAttribute('aria-valuemin', '64');
  await ip.focus();
  // Each press is checked before the next.
  for (const [key, width] of [
    ['ArrowRight', 166],
    ['ArrowRight', 182],
    ['Shift+ArrowRight', 246],
  ] as const) {
    await page.keyboard.press(key);
    await expect(ip).toHaveAttribute('aria-valuenow', `${width}`);
  }
  await expect.poll(() => headerWidth(page, 'ip')).toBe(246);
  await expect.poll(() => widthParam(page)).toBe('ip:246');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => widthParam(page)).toBe('ip:182');
  // The keys resize; they do not move the focus to the rows or scroll the table.
  await expect(ip).toBeFocused();

  // The widest address in view, whole: a full IPv6 address put in one cell fits once fitted.
  const FULL_IPV6 = '2001:0db8:85a3:0000:0000:8a2e:0370:7334';
  // The cell is what cuts its text short (one clip a text: scrolling.spec.ts).
  const cell = page.locator('[data-row-index="0"] .log-cell--ip');
  await cell.locator('.mono').evaluate((span, text) => (span.textContent = text), FULL_IPV6);
  expect(await cell.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const fitted = await headerWidth(page, 'ip');
  expect(fitted).toBeGreaterThan(246);
  await expect.poll(() => widthParam(page)).toBe(`ip:${fitted}`);
});

test('a double-click on a header edge fits the widest value in view', async ({ page }) => {
  await page.goto(`${LOG_PATH}?range=90d&w=description:100`);
  await waitForRows(page);
  const cut = () =>
    page
      .locator('[data-testid="log-row"] .log-cell--description')
      .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).length);
  expect(await cut()).toBeGreaterThan(0);
  await handle(page, 'Description').dblclick();
  await expect.poll(cut).toBe(0);
  await expect.poll(() => widthParam(page)).toMatch(/^description:\d+$/);
});

test('a link with bad widths says so and keeps the good ones', async ({ page }) => {
  await page.goto(`${LOG_PATH}?w=ip:300,owner:80,description:99999`);
  await waitForRows(page);
  const notice = page.getByRole('alert').filter({ hasText: 'Some parts of the link were ignored' });
  await expect(notice).toContainText('"owner:80" is not column:pixels');
  await expect(notice).toContainText('description is 64–1200 px wide; 1200 used');
  await expect.poll(() => widthParam(page)).toBe('description:1200,ip:300');
  expect(await headerWidth(page, 'ip')).toBe(300);
});

test.describe('at 768 px', () => {
  test.use({ viewport: { width: 768, height: 900 } });

  test('the time column stays at the left when the table scrolls sideways', async ({ page }) => {
    await page.goto(`${LOG_PATH}?w=description:700`);
    await waitForRows(page);
    const scroller = tableScroller(page);
    const sideways = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(sideways).toBeGreaterThan(300);
    await scroller.evaluate((el) => el.scrollBy(300, 0));
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBe(300);

    const left = await scroller.evaluate((el) => el.getBoundingClientRect().left + el.clientLeft);
    for (const time of [
      page.locator('.log-row--head > .log-cell--time'),
      page.locator('[data-row-index="0"] > .log-cell--time'),
    ]) {
      const box = (await time.boundingBox())!;
      expect(Math.round(box.x)).toBe(Math.round(left));
      // Nothing that scrolled under it shows through or covers it.
      const onTop = await time.evaluate((cell) => {
        const r = cell.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return cell.contains(hit);
      });
      expect(onTop).toBe(true);
    }
    // The event column has scrolled under it.
    const event = (await page.locator('[data-row-index="0"] > .log-cell--event').boundingBox())!;
    expect(event.x).toBeLessThan(left + 144);
  });
});

test('the header and its resize handles have no serious accessibility violations', async ({
  page,
}) => {
  await page.goto(`${LOG_PATH}?w=ip:300`);
  await waitForRows(page);
  await handle(page, 'Source IP').focus();
  expect(await seriousViolations(page, '.log-table__head')).toEqual([]);
  // Each header is named by its label, not by its handle.
  await expect(page.getByRole('columnheader', { name: 'Source IP', exact: true })).toBeVisible();
  await expect(handle(page, 'Source IP')).toHaveAttribute('aria-valuenow', '300');
});
