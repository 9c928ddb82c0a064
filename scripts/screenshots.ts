/**
 * `npm run screenshots`: starts a seeded server, signs in and captures the console's main
 * states in light and dark into docs/screenshots/ (the README shows some of them).
 * Needs a built app (`npm run build`).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { startTestServer, type TestServer } from '../e2e/support/test-server.ts';

const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const LOG = '/orgs/acme/audit-logs';

interface Shot {
  name: string;
  scheme: 'light' | 'dark';
  width?: number;
  path: string;
  signedIn?: boolean;
  /** Brings the page into the state to capture, after it loaded. */
  act?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: 'sign-in', scheme: 'light', path: '/sign-in', signedIn: false },
  { name: 'log-light', scheme: 'light', path: LOG },
  { name: 'log-dark', scheme: 'dark', path: LOG },
  { name: 'filtered-light', scheme: 'light', path: `${LOG}?user=kim&range=90d` },
  { name: 'filtered-dark', scheme: 'dark', path: `${LOG}?event=stack-update-completed&range=7d` },
  { name: 'log-768', scheme: 'light', width: 768, path: LOG },
  {
    name: 'details-dark',
    scheme: 'dark',
    path: LOG,
    act: async (page) => {
      await page.locator('[data-row-index="2"] .log-cell--description').click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'export-receipt-light',
    scheme: 'light',
    path: `${LOG}?range=30d`,
    act: async (page) => {
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      await page.getByRole('heading', { name: 'Download ready' }).waitFor();
    },
  },
];

async function capture(browser: Browser, server: TestServer, shot: Shot) {
  const context = await browser.newContext({
    baseURL: server.baseURL,
    colorScheme: shot.scheme,
    viewport: { width: shot.width ?? 1280, height: 760 },
  });
  if (shot.signedIn !== false) {
    await context.request.post('/console/session', {
      data: { token: server.adminToken },
      headers: { Origin: server.baseURL },
    });
  }
  const page = await context.newPage();
  await page.goto(shot.path);
  await page.waitForLoadState('networkidle');
  if (shot.signedIn !== false) await page.locator('[data-testid="log-row"]').first().waitFor();
  await shot.act?.(page);
  await page.screenshot({ path: `${outDir}${shot.name}.png` });
  console.info(`saved docs/screenshots/${shot.name}.png`);
  await context.close();
}

mkdirSync(outDir, { recursive: true });
const server = await startTestServer({ demoEvents: 20_000 });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const shot of SHOTS) await capture(browser, server, shot);
} finally {
  await browser.close();
  await server.stop();
}
