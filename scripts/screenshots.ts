/**
 * `npm run screenshots`: starts a seeded server, signs in and captures the console's main
 * states in light and dark into docs/screenshots/ (the README shows some of them).
 * Needs a built app (`npm run build`).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { startTestServer, type TestServer } from '../e2e/support/test-server.ts';

const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const LOG = '/orgs/acme/audit-logs';

interface Shot {
  name: string;
  scheme: 'light' | 'dark';
  width?: number;
  height?: number;
  path: string;
  signedIn?: boolean;
  /** Sign in with the member token (an admins-only screen). */
  asMember?: boolean;
  /** The page shows no rows in this state (empty or error), so do not wait for any. */
  noRows?: boolean;
  /** Brings the page into the state to capture, after it loaded. */
  act?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: 'sign-in', scheme: 'light', path: '/sign-in', signedIn: false },
  { name: 'log-light', scheme: 'light', path: LOG },
  { name: 'log-dark', scheme: 'dark', path: LOG },
  { name: 'filtered-light', scheme: 'light', path: `${LOG}?user=kim&range=90d` },
  { name: 'filtered-dark', scheme: 'dark', path: `${LOG}?event=stack-update-completed&range=7d` },
  { name: 'log-1440', scheme: 'light', width: 1440, height: 900, path: LOG },
  { name: 'log-768', scheme: 'light', width: 768, height: 1024, path: LOG },
  { name: 'log-390', scheme: 'light', width: 390, height: 844, path: LOG },
  { name: 'log-390-dark', scheme: 'dark', width: 390, height: 844, path: LOG },
  {
    name: 'filters-390',
    scheme: 'light',
    width: 390,
    height: 844,
    path: `${LOG}?range=7d`,
    act: async (page) => {
      await page.getByRole('button', { name: 'Filters' }).click();
    },
  },
  {
    name: 'table-view-1440',
    scheme: 'light',
    width: 1440,
    height: 900,
    path: `${LOG}?range=90d&wrap=on&cols=time%2Cuser%2Cevent%2Cip%2Cdescription`,
    act: async (page) => {
      await page.getByRole('button', { name: /^Table view/ }).click();
      await page.getByRole('dialog', { name: 'Table view' }).waitFor();
    },
  },
  {
    name: 'shortcuts-dark',
    scheme: 'dark',
    path: LOG,
    act: async (page) => {
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
  },
  {
    name: 'empty-light',
    scheme: 'light',
    path: `${LOG}?user=demo-admin&from=2001-01-01T00%3A00%3A00Z&to=2001-01-02T00%3A00%3A00Z&tz=utc`,
    noRows: true,
  },
  { name: 'admins-only-dark', scheme: 'dark', path: LOG, asMember: true, noRows: true },
  { name: 'not-enterprise-light', scheme: 'light', path: '/orgs/hobby/audit-logs', noRows: true },
  {
    name: 'exporting-dark',
    scheme: 'dark',
    path: LOG,
    act: async (page) => {
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      await page.getByRole('button', { name: 'Cancel' }).waitFor();
      // Mid-way, so the picture shows progress rather than the first instant.
      await expect(page.getByTestId('export-events')).not.toHaveText('0', { timeout: 30_000 });
    },
  },
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
  {
    name: 'search-light',
    scheme: 'light',
    width: 1440,
    height: 900,
    path: `${LOG}?q=${encodeURIComponent('failed:true')}`,
    act: waitForIndex,
  },
  {
    name: 'search-dark',
    scheme: 'dark',
    width: 1440,
    height: 900,
    path: `${LOG}?q=${encodeURIComponent('ip:203.0.113.0/24 -user:acme')}&range=90d`,
    act: waitForIndex,
  },
  {
    name: 'user-picker-light',
    scheme: 'light',
    path: LOG,
    act: async (page) => {
      await waitForIndex(page);
      await page.getByRole('button', { name: /^User:/ }).click();
      await page.getByRole('combobox', { name: 'Search users by name or login' }).fill('an');
    },
  },
  {
    name: 'suggestions-dark',
    scheme: 'dark',
    path: LOG,
    act: async (page) => {
      await waitForIndex(page);
      await page.getByRole('searchbox', { name: 'Search' }).fill('token:');
      await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    },
  },
];

/** The count, chart and facets are shown once the range is read. */
async function waitForIndex(page: Page) {
  await page.getByText(/events indexed/).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'detached' });
}

async function capture(browser: Browser, server: TestServer, shot: Shot) {
  const context = await browser.newContext({
    baseURL: server.baseURL,
    colorScheme: shot.scheme,
    viewport: { width: shot.width ?? 1280, height: shot.height ?? 760 },
  });
  if (shot.signedIn !== false) {
    await context.request.post('/console/session', {
      data: { token: shot.asMember ? server.memberToken : server.adminToken },
      headers: { Origin: server.baseURL },
    });
  }
  const page = await context.newPage();
  await page.goto(shot.path);
  await page.waitForLoadState('networkidle');
  if (shot.noRows) await page.locator('.empty-state').waitFor();
  else if (shot.signedIn !== false) await page.locator('[data-testid="log-row"]').first().waitFor();
  await shot.act?.(page);
  await page.screenshot({ path: `${outDir}${shot.name}.png` });
  console.info(`saved docs/screenshots/${shot.name}.png`);
  await context.close();
}

mkdirSync(outDir, { recursive: true });
// SHOTS=log-390,empty-light takes only those.
const only = process.env.SHOTS?.split(',');
// Slow enough that the exporting state stays on screen for its picture.
const server = await startTestServer({ demoEvents: 20_000, env: { FAULTS: 'delay:300-300' } });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const shot of SHOTS) {
    if (!only || only.includes(shot.name)) await capture(browser, server, shot);
  }
} finally {
  await browser.close();
  await server.stop();
}
