/**
 * The panels that grow from the toolbar fit a phone, and the toolbar keeps one line on a wide
 * window whatever its filters hold.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { LOG_PATH, pageScrollsSideways, signInContext, waitForRows } from './viewer-helpers.ts';

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

/** Whether the element lies wholly inside the window, horizontally. */
async function fitsWidth(page: Page, name: string) {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  const width = page.viewportSize()!.width;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the download receipt fits, Dismiss in view, and nothing scrolls sideways', async ({
    page,
  }) => {
    await page.goto(`${LOG_PATH}?range=7d`);
    await waitForRows(page);
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Download ready' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Dismiss', exact: true })).toBeInViewport();
    expect(await fitsWidth(page, 'Dismiss')).toBe(true);
    expect(await fitsWidth(page, 'Download again')).toBe(true);
    expect(await pageScrollsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Download ready' })).toHaveCount(0);
  });
});

test.describe('at 1440 px', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the toolbar keeps one line with a custom range, a user and an event', async ({ page }) => {
    const from = '2026-01-01T00:00:00Z';
    const to = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    await page.goto(
      `${LOG_PATH}?from=${from}&to=${to}&tz=utc&user=mvonhohenzollern&event=deployment-runner-token-created-for-oidc-issuer`,
    );
    await expect(page.getByRole('button', { name: /^Time range: Jan 1, 2026/ })).toBeVisible();
    const tops = await page
      .locator('.log-toolbar :is(button, [role="group"], h1):visible')
      .evaluateAll((nodes) => nodes.map((node) => Math.round(node.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThan(8);
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
    expect(await pageScrollsSideways(page)).toBe(false);
    const lastAction = page.locator('.log-toolbar__actions button').last();
    const box = await lastAction.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
  });
});
