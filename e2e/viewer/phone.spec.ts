/**
 * At 390 px (a phone) the toolbar folds behind "Filters", every event is a card, nothing scrolls
 * the page sideways, and the keyboard flow still works on the cards.
 */
import { expect, test } from '../support/fixtures.ts';
import {
  LOG_PATH,
  pageScrollsSideways,
  rowsTile,
  signInContext,
  tableScroller,
  waitForRows,
} from './viewer-helpers.ts';

test.use({ viewport: { width: 390, height: 844 } });

test.beforeEach(async ({ page, context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
  await page.goto(`${LOG_PATH}?range=90d`);
  await waitForRows(page);
});

test('events are cards and the page never scrolls sideways', async ({ page }) => {
  expect(await pageScrollsSideways(page)).toBe(false);
  const scroller = tableScroller(page);
  expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // A card shows who, when, what, and from where, its description whole.
  const card = page.locator('[data-row-index="0"]');
  for (const cell of ['time', 'user', 'event', 'description', 'ip']) {
    await expect(card.locator(`.log-cell--${cell}`)).toBeInViewport({ ratio: 1 });
  }
  const cut = await page
    .locator('[data-testid="log-row"] .log-cell--description .truncate')
    .evaluateAll((spans) => spans.filter((span) => span.scrollWidth > span.clientWidth).length);
  expect(cut).toBe(0);
  expect(await rowsTile(page)).toBe(true);
  await scroller.evaluate((el) => el.scrollBy(0, 5000));
  await waitForRows(page);
  await expect.poll(() => rowsTile(page)).toBe(true);
  expect(await pageScrollsSideways(page)).toBe(false);
});

test('the filters and actions fold behind Filters, and work from there', async ({ page }) => {
  const eventPicker = page.getByRole('button', { name: /^Event:/ });
  const filters = page.getByRole('button', { name: 'Filters' });
  await expect(eventPicker).toBeHidden();
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  for (const control of [
    eventPicker,
    page.getByRole('button', { name: /^Time range:/ }),
    page.getByRole('button', { name: 'Copy link' }),
    page.getByRole('button', { name: /^Table view/ }),
  ]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  expect(await pageScrollsSideways(page)).toBe(false);

  await eventPicker.click();
  await expect(page.getByRole('listbox', { name: 'Event types' })).toBeInViewport({ ratio: 1 });
  expect(await pageScrollsSideways(page)).toBe(false);
  await page.getByRole('combobox', { name: 'Search event types' }).fill('user login');
  await page.getByRole('option', { name: 'User Login', exact: true }).click();
  await expect(page).toHaveURL(`${LOG_PATH}?event=user-login&range=90d`);
  await waitForRows(page);
  expect(await pageScrollsSideways(page)).toBe(false);
});

test('the keyboard moves between cards and opens one', async ({ page }) => {
  await page.locator('[data-row-index="0"]').focus();
  await page.keyboard.press('ArrowDown');
  const second = page.locator('[data-row-index="1"]');
  await expect(second).toBeFocused();
  await page.keyboard.press('PageDown');
  const focusedIndex = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-row-index'));
  await expect.poll(focusedIndex).not.toBe('1');
  const focused = page.locator(`[data-row-index="${await focusedIndex()}"]`);
  await expect(focused).toBeInViewport();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  expect(await pageScrollsSideways(page)).toBe(false);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(focused).toBeFocused();
});
