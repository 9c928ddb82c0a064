import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { LOG_PATH, signInContext, tableScroller, waitForRows } from './viewer/viewer-helpers.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    /** Signs the context in and opens a log view in this theme. */
    async function openLog(page: Page, path: string, signIn: () => Promise<void>) {
      await page.emulateMedia({ colorScheme });
      await signIn();
      await page.goto(path);
      await waitForRows(page);
    }

    test('sign-in page', async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('log page, scrolled, with the pickers open', async ({
      page,
      context,
      baseURL,
      adminToken,
    }) => {
      // Four full axe scans of a page of rows: several seconds each on a busy two-core machine.
      test.slow();
      await openLog(page, `${LOG_PATH}?range=90d`, () =>
        signInContext(context, baseURL!, adminToken),
      );
      expect(await seriousViolations(page)).toEqual([]);

      await tableScroller(page).evaluate((el) => el.scrollBy(0, 4000));
      await waitForRows(page);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: /^Event:/ }).click();
      await expect(page.getByRole('listbox', { name: 'Event types' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('listbox')).toHaveCount(0);
      await expect(page.getByRole('button', { name: /^Event:/ })).toBeFocused();

      await page.getByRole('button', { name: /^Time range:/ }).click();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('log page with an event’s details open', async ({
      page,
      context,
      baseURL,
      adminToken,
    }) => {
      await openLog(page, LOG_PATH, () => signInContext(context, baseURL!, adminToken));
      await page.locator('[data-testid="log-row"] .log-cell--description').first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('search, its suggestions, the chart, facets, the user picker and the API request', async ({
      page,
      context,
      baseURL,
      adminToken,
    }) => {
      test.slow();
      await openLog(page, `${LOG_PATH}?q=failed%3Atrue`, () =>
        signInContext(context, baseURL!, adminToken),
      );
      await expect(page.getByRole('img', { name: /^Activity chart:/ })).toBeVisible();
      await expect(page.getByRole('complementary', { name: 'Facets' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      const box = page.getByRole('searchbox', { name: 'Search' });
      await box.fill('failed:true us');
      await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await box.press('Escape');

      await page.getByRole('button', { name: /^User:/ }).click();
      await expect(page.getByRole('listbox', { name: 'Users' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'API request' }).click();
      await expect(page.getByLabel('Export URL')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
