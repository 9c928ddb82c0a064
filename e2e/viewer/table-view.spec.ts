/**
 * The table's view options (columns, density, wrap) are part of the view: kept in the URL,
 * through a reload and in a shared link.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import {
  columnHeaders,
  LOG_PATH,
  openAsColleague,
  rowsTile,
  signInContext,
  tableScroller,
  waitForRows,
} from './viewer-helpers.ts';

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function openViewOptions(page: Page) {
  await page.getByRole('button', { name: /^Table view/ }).click();
  return page.getByRole('dialog', { name: 'Table view' });
}

test('the column chooser hides and reorders columns by keyboard, and the link keeps them', async ({
  page,
  browser,
  baseURL,
  adminToken,
}) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const panel = await openViewOptions(page);
  await panel.getByRole('checkbox', { name: 'Token' }).click();
  await expect.poll(() => param(page, 'cols')).toBe('time,user,event,description,ip,flags');
  await expect(panel.getByRole('checkbox', { name: 'Token' })).not.toBeChecked();

  const moveUp = panel.getByRole('button', { name: 'Move Source IP up' });
  await moveUp.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect.poll(() => param(page, 'cols')).toBe('time,ip,user,event,description,flags');
  // Focus stays on the button as its column moves.
  await expect(moveUp).toBeFocused();
  await page.keyboard.press('Escape');
  const expected = ['TIME', 'SOURCE IP', 'USER', 'EVENT', 'DESCRIPTION', 'FLAGS'];
  await expect.poll(() => columnHeaders(page)).toEqual(expected);

  await page.reload();
  await waitForRows(page);
  expect(await columnHeaders(page)).toEqual(expected);
  const cells = await page
    .locator('[data-row-index="0"] [role="cell"]')
    .evaluateAll((all) => all.map((cell) => cell.className));
  expect(cells).toEqual(
    ['time', 'ip', 'user', 'event', 'description', 'flags'].map((id) => `log-cell log-cell--${id}`),
  );

  // A colleague who opens the link sees the same columns.
  const colleague = await openAsColleague(browser, baseURL!, adminToken, page.url());
  expect(await columnHeaders(colleague)).toEqual(expected);
  await colleague.context().close();

  // Reset leaves every setting out of the URL.
  await (await openViewOptions(page)).getByRole('button', { name: 'Reset the table view' }).click();
  await expect.poll(() => new URL(page.url()).search).toBe('');
  await expect.poll(() => columnHeaders(page)).toHaveLength(7);
});

test('wrap shows long values whole, rows measured to fit; a reload keeps it', async ({ page }) => {
  await page.goto(`${LOG_PATH}?range=90d`);
  await waitForRows(page);
  const cutDescriptions = () =>
    page
      .locator('[data-testid="log-row"] .log-cell--description')
      // On one line the cell cuts its text short; wrapped, the text's own box would.
      .evaluateAll(
        (cells) =>
          cells.filter((cell) =>
            [cell, ...cell.children].some((el) => el.scrollWidth > el.clientWidth),
          ).length,
      );
  expect(await cutDescriptions()).toBeGreaterThan(0);

  const panel = await openViewOptions(page);
  await panel.getByRole('checkbox', { name: 'Wrap long values' }).click();
  await expect.poll(() => param(page, 'wrap')).toBe('on');
  await expect(panel.getByRole('checkbox', { name: 'Wrap long values' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect.poll(cutDescriptions).toBe(0);
  const heights = await page
    .locator('[data-testid="log-row"]')
    .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeGreaterThan(44);
  expect(await rowsTile(page)).toBe(true);

  await page.reload();
  await waitForRows(page);
  await expect.poll(cutDescriptions).toBe(0);
  await tableScroller(page).evaluate((el) => el.scrollBy(0, 6000));
  await waitForRows(page);
  await expect.poll(() => rowsTile(page)).toBe(true);
  // The full value is also on hover.
  const description = page.locator('[data-testid="log-row"] .log-cell--description [title]');
  expect(await description.first().getAttribute('title')).toBe(
    await description.first().innerText(),
  );
});

test('compact rows are shorter, and a link can ask for them', async ({ page }) => {
  await page.goto(`${LOG_PATH}?density=compact`);
  await waitForRows(page);
  const height = await page
    .locator('[data-row-index="0"]')
    .evaluate((row) => row.getBoundingClientRect().height);
  expect(height).toBe(32);
  const panel = await openViewOptions(page);
  await panel.getByRole('button', { name: 'Comfortable' }).click();
  await expect.poll(() => new URL(page.url()).search).toBe('');
  await expect
    .poll(() =>
      page.locator('[data-row-index="0"]').evaluate((row) => row.getBoundingClientRect().height),
    )
    .toBe(44);
});

test('a link naming an unknown column says so and shows every column', async ({ page }) => {
  await page.goto(`${LOG_PATH}?cols=time,owner`);
  await waitForRows(page);
  const notice = page.getByRole('alert').filter({ hasText: 'Some parts of the link were ignored' });
  await expect(notice).toContainText('unknown column "owner"');
  await expect(page).toHaveURL(LOG_PATH);
  expect(await columnHeaders(page)).toHaveLength(7);
});

test('the avatar shows its filter mark on the row pointed at or focused', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const mark = (index: number) => page.locator(`[data-row-index="${index}"] .avatar-btn__filter`);
  await expect(mark(0)).toBeHidden();
  await page.locator('[data-row-index="0"] .log-cell--event').hover();
  await expect(mark(0)).toBeVisible();
  await page.locator('[data-row-index="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.mouse.move(0, 0);
  await expect(mark(1)).toBeVisible();
  await expect(mark(0)).toBeHidden();
});
