import { expect, test } from '../support/fixtures.ts';
import { LOG_PATH, signInContext, waitForRows } from './viewer-helpers.ts';

test('the theme toggle is remembered across visits', async ({
  page,
  context,
  baseURL,
  adminToken,
}) => {
  await signInContext(context, baseURL!, adminToken);
  await page.goto(LOG_PATH);
  await waitForRows(page);
  const html = page.locator('html');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.reload();
  await waitForRows(page);
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Light theme' }).click();
  expect(await background()).not.toBe(dark);
  await page.getByRole('button', { name: 'System theme' }).click();
  await expect(html).not.toHaveAttribute('data-theme', /.+/);
});
