/** The page-wide shortcuts: `?` lists every shortcut, `/` goes to the page's search box. */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { LOG_PATH, signInContext, waitForRows } from './viewer-helpers.ts';

test.beforeEach(async ({ page, context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
  await page.goto(LOG_PATH);
  await waitForRows(page);
});

const shortcutsDialog = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

test('? lists the shortcuts; Esc closes the list and focus returns to the row', async ({
  page,
}) => {
  const row = page.locator('[data-row-index="3"]');
  await row.focus();
  await page.keyboard.press('?');
  const dialog = shortcutsDialog(page);
  await expect(dialog).toBeVisible();
  for (const label of ['Show the keyboard shortcuts', 'Show only the events of its user']) {
    await expect(dialog.getByText(label)).toBeVisible();
  }
  // The dialog is modal: focus is inside it.
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeFocused();
});

test('the header button opens the same list, and Close returns focus to it', async ({ page }) => {
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.click();
  await shortcutsDialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(shortcutsDialog(page)).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('? typed into a field is text, not a shortcut', async ({ page }) => {
  await page.getByRole('button', { name: /^Event:/ }).click();
  const search = page.getByRole('combobox', { name: 'Search event types' });
  await search.pressSequentially('a?/');
  await expect(search).toHaveValue('a?/');
  await expect(shortcutsDialog(page)).toHaveCount(0);
});

test('/ goes to the search box from a row, and is typed as text inside it', async ({ page }) => {
  const row = page.locator('[data-row-index="0"]');
  await row.focus();
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search' });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await page.keyboard.type('ip:10.0.0.0/8');
  await expect(box).toHaveValue('ip:10.0.0.0/8');
});
