import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import {
  LOG_PATH,
  readRangeIfAsked,
  readShownRows,
  signInContext,
  waitForRows,
} from './viewer-helpers.ts';

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

test('a click on a row shows every field; Escape closes and gives focus back', async ({ page }) => {
  await page.goto(`${LOG_PATH}?tz=utc`);
  await waitForRows(page);
  // Once read, the table's rows come from the index: the rows rendered around the view (some
  // below it) may change then, and a row picked before could be gone when it is clicked.
  await readRangeIfAsked(page);
  // The row with the longest description: the one the table truncates the most.
  const rows = await readShownRows(page);
  const row = rows.reduce((a, b) => (b.description.length > a.description.length ? b : a));
  const rowElement = page.locator(`[data-row-index="${row.index}"]`);
  await rowElement.locator('.log-cell--description').click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const field = (label: string) => dialog.locator(`dt:text-is("${label}") + dd`);
  await expect(field('Description')).toHaveText(row.description);
  await expect(field('Time (UTC)')).toHaveText(row.dateTime);
  await expect(field('Unix time')).toHaveText(String(Date.parse(row.dateTime) / 1000));
  await expect(field('Event ID')).toHaveText(row.event);
  await expect(field('Flags')).toBeVisible();
  await expect(
    dialog.getByRole('button', { name: `Show only events by ${row.login}` }),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy as JSON' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(rowElement).toBeFocused();
});

test('rows are reached and opened from the keyboard', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const rows = await readShownRows(page);
  await page.locator('[data-row-index="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('[data-row-index="1"]')).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('dt:text-is("Event ID") + dd')).toHaveText(rows[1]!.event);
  // Focus starts inside the panel and Tab keeps it there.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-row-index="1"]')).toBeFocused();
});

/** Opens the whole log and clicks the first row's avatar (an in-app history push). */
async function filterByFirstRowsUser(page: Page): Promise<string> {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const login = (await readShownRows(page))[0]!.login;
  await page
    .getByRole('button', { name: `Show only events by ${login}` })
    .first()
    .click();
  await expect(page).toHaveURL(`${LOG_PATH}?user=${login}`);
  return login;
}

test('the avatar still filters and does not open the details', async ({ page }) => {
  await filterByFirstRowsUser(page);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the details’ user filter closes the panel and filters', async ({ page }) => {
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const login = (await readShownRows(page))[0]!.login;
  await page.locator('[data-row-index="0"] .log-cell--event').click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Show only events by ${login}` })
    .click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(`${LOG_PATH}?user=${login}`);
});

test('Back closes the panel, and going Back to another view does not leave it open', async ({
  page,
}) => {
  // Back is then handled by the app, not by a page load.
  await filterByFirstRowsUser(page);
  await waitForRows(page);
  const filtered = page.url();
  await page.locator('[data-row-index="0"] .log-cell--description').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(page.url()).toBe(filtered);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${LOG_PATH}$`));
  await waitForRows(page);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
