import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe.ts';
import { expect, test } from './support/fixtures.ts';
import { LOG_PATH, signInContext, tableScroller, waitForRows } from './viewer/viewer-helpers.ts';

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
] as const;

const EMPTY_VIEW = `${LOG_PATH}?user=demo-admin&from=2001-01-01T00%3A00%3A00Z&to=2001-01-02T00%3A00%3A00Z`;

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

    for (const viewport of WIDTHS) {
      test(`at ${viewport.width} px: the log, filtered, empty, with details and options open`, async ({
        page,
        context,
        baseURL,
        adminToken,
      }) => {
        // Seven full axe scans of a page of rows: several seconds each on a busy two-core machine.
        test.slow();
        await page.setViewportSize(viewport);
        await openLog(page, LOG_PATH, () => signInContext(context, baseURL!, adminToken));
        expect(await seriousViolations(page), 'the log').toEqual([]);

        await page.goto(
          `${LOG_PATH}?event=stack-update-completed&range=90d&wrap=on&density=compact`,
        );
        await waitForRows(page);
        expect(await seriousViolations(page), 'filtered, wrapped, compact').toEqual([]);

        const disclosure = page.getByRole('button', { name: 'Filters' });
        if (viewport.width === 390) await disclosure.click();
        await page.getByRole('button', { name: /^Table view/ }).click();
        await expect(page.getByRole('dialog', { name: 'Table view' })).toBeVisible();
        expect(await seriousViolations(page), 'the view options').toEqual([]);
        await page.keyboard.press('Escape');

        await page.locator('[data-row-index="1"]').click();
        await expect(page.getByRole('dialog')).toBeVisible();
        expect(await seriousViolations(page), 'the details').toEqual([]);
        await page.keyboard.press('Escape');

        await page.keyboard.press('?');
        await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
        expect(await seriousViolations(page), 'the shortcuts').toEqual([]);
        await page.keyboard.press('Escape');

        await page.goto(EMPTY_VIEW);
        await expect(page.getByText('No events match these filters')).toBeVisible();
        expect(await seriousViolations(page), 'empty').toEqual([]);
      });
    }

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

    test('search, its suggestions, the chart, facets, the user picker and the API request', async ({
      page,
      context,
      baseURL,
      adminToken,
    }) => {
      test.slow();
      await openLog(page, `${LOG_PATH}?q=failed%3Atrue&group=user`, () =>
        signInContext(context, baseURL!, adminToken),
      );
      await expect(page.getByRole('group', { name: /^Events over time/ })).toBeVisible();
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
