/**
 * `npm run screenshots`: starts a seeded server, signs in and captures the console's main
 * states in light and dark into docs/screenshots/ (the README shows some of them).
 * Needs a built app (`npm run build`).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { startTestServer } from '../e2e/support/test-server.ts';

const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const server = await startTestServer({ demoEvents: 20_000 });
const browser = await chromium.launch(chromiumLaunchOptions());

async function signedInPage(colorScheme: 'light' | 'dark', width = 1280): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.baseURL,
    colorScheme,
    viewport: { width, height: 800 },
    deviceScaleFactor: 1,
  });
  await context.request.post('/console/session', {
    data: { token: server.adminToken },
    headers: { Origin: server.baseURL },
  });
  return context.newPage();
}

async function shoot(page: Page, path: string, name: string) {
  await page.goto(path);
  await page.getByRole('table').waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${outDir}${name}.png` });
  console.info(`saved docs/screenshots/${name}.png`);
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await signedInPage(scheme);
    await shoot(page, '/orgs/acme/audit-logs', `log-${scheme}`);
    await shoot(page, '/orgs/acme/audit-logs?user=demo-admin&range=30d', `log-filtered-${scheme}`);
    await page.context().close();
  }
  const narrow = await signedInPage('light', 768);
  await shoot(narrow, '/orgs/acme/audit-logs', 'log-768');
  await narrow.context().close();
} finally {
  await browser.close();
  await server.stop();
}
