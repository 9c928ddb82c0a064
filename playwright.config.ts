import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium.ts';
import type { E2eOptions } from './e2e/support/fixtures.ts';

export default defineConfig<E2eOptions>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  // Two cores: one worker for the browser, the rest for the server it talks to.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One picture per name for every machine: the tests run on Debian's Chromium (e2e/visual.spec.ts).
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'direct' },
    {
      // The journeys that matter, through a second instance in upstream mode (PULUMI_API_URL
      // pointing at the first), as the console runs against Pulumi Cloud.
      name: 'upstream',
      use: { viaUpstream: true },
      testMatch: [
        'viewer/sign-in.spec.ts',
        'viewer/filters.spec.ts',
        'viewer/details.spec.ts',
        'viewer/snapshot.spec.ts',
        'viewer/search.spec.ts',
        'viewer/search-language.spec.ts',
        'viewer/activity-chart.spec.ts',
        'viewer/coverage.spec.ts',
        'viewer/row-window.spec.ts',
        'viewer/columns.spec.ts',
        'viewer/table-view.spec.ts',
        'export/export-download.spec.ts',
        'automated-export/automated-export.spec.ts',
        'alerts/alerts.spec.ts',
      ],
    },
  ],
});
