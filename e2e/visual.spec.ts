/**
 * Visual regression: the console's main states at 390, 768 and 1440 px, light and dark, against
 * committed pictures (e2e/visual.spec.ts-snapshots/). The demo data is seeded at a fixed "now"
 * and the browser's clock is fixed just after it, so every time, count and chart is the same
 * from run to run. `npx playwright test e2e/visual.spec.ts --project=direct --update-snapshots`
 * takes them anew after an intended change; look at each before committing.
 */
import type { Page } from '@playwright/test';
import { FIXED_NOW_SECONDS, startFixedDemoServer } from './support/fixed-demo-server.ts';
import { expect, test as base } from './support/fixtures.ts';
import type { TestServer } from './support/test-server.ts';
import { signInContext } from './viewer/viewer-helpers.ts';

const test = base.extend<object, { fixedServer: TestServer }>({
  fixedServer: [
    async ({}, use) => {
      const server = await startFixedDemoServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ fixedServer }, use) => {
    await use(fixedServer.baseURL);
  },
});

const LOG = '/orgs/acme/audit-logs';
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

interface State {
  name: string;
  path: string;
  member?: boolean;
  /** Brings the page into the state, after it opened. */
  reach: (page: Page) => Promise<void>;
}

/** The range is read (count, chart and facets final) and the rows are there. */
async function settled(page: Page) {
  await page
    .getByText(/events indexed/)
    .first()
    .waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'detached' });
  await page.locator('[data-testid="log-row"]').first().waitFor();
}

const STATES: State[] = [
  { name: 'log', path: LOG, reach: settled },
  {
    name: 'filtered',
    path: `${LOG}?range=7d&q=${encodeURIComponent('burst:true')}`,
    reach: settled,
  },
  {
    name: 'empty',
    path: `${LOG}?range=7d&q=${encodeURIComponent('"no such words anywhere"')}`,
    reach: async (page) => {
      await page.getByText('No events match these filters').waitFor();
    },
  },
  {
    name: 'error',
    path: LOG,
    member: true,
    reach: async (page) => {
      await page.getByText('Only organization admins can read the audit log').waitFor();
    },
  },
  {
    name: 'exported',
    path: `${LOG}?range=7d`,
    reach: async (page) => {
      await settled(page);
      const filters = page.getByRole('button', { name: 'Filters' });
      if (await filters.isVisible()) await filters.click();
      await page.getByRole('button', { name: 'Download', exact: true }).click();
      await page.getByRole('heading', { name: 'Download ready' }).waitFor();
    },
  },
];

test.use({ timezoneId: 'UTC', locale: 'en-US', allowConsoleErrors: [/status of 403/] });

for (const size of WIDTHS) {
  for (const scheme of SCHEMES) {
    test.describe(`${size.width} px, ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme });
      for (const state of STATES) {
        test(state.name, async ({ page, context, baseURL, fixedServer }) => {
          await page.clock.setFixedTime(new Date((FIXED_NOW_SECONDS + 120) * 1000));
          const token = state.member ? fixedServer.memberToken : fixedServer.adminToken;
          await signInContext(context, baseURL!, token);
          await page.goto(state.path);
          await state.reach(page);
          await expect(page).toHaveScreenshot(`${state.name}-${size.width}-${scheme}.png`, {
            animations: 'disabled',
            maxDiffPixelRatio: 0.015,
          });
        });
      }
    });
  }
}
