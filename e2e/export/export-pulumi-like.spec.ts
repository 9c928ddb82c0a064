/**
 * DOWNLOAD against a service that behaves like Pulumi Cloud at its worst: pages of 100, a rate
 * limit per token, and faults (429 with Retry-After, 500, dropped connections) on a share of
 * the requests. The range reader's concurrent windows still give the server's export byte for
 * byte, and Cancel mid-way leaves no request running.
 */
import type { Page, Request } from '@playwright/test';
import { PULUMI_PAGE_EVENTS } from '../../common/pulumi/api-limits.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { expect, test } from '../support/fixtures.ts';
import { isRangeRead } from '../support/index-read.ts';
import { downloadWholeLog, openView, signIn, stopIndexRead } from './export-helpers.ts';

// The browser logs each refused or reset request; those are the faults this test injects.
test.use({ allowConsoleErrors: [/Failed to load resource/, /net::ERR_/] });

const LIST_REQUEST = /\/api\/orgs\/acme\/auditlogs\/v2\?/;
let pulumiLike: TestServer;
let reference: TestServer;

test.beforeAll(async () => {
  // 6,000 events in pages of 100: sixty-odd requests, well past the rate limit's second.
  pulumiLike = await startTestServer({
    demoEvents: 6000,
    env: {
      MAX_PAGE_SIZE: String(PULUMI_PAGE_EVENTS),
      RATE_LIMIT: '20',
      FAULTS: '429:0.1,500:0.05,reset:0.02',
      FAULTS_SEED: '11',
    },
  });
  reference = await startTestServer({ dataDir: pulumiLike.dataDir });
});

test.afterAll(async () => {
  await reference?.stop();
  await pulumiLike?.stop();
});

/**
 * A whole-range read (the export's windows, or the console's own once stopped): pages of
 * LARGEST_PAGE_SIZE. The table's pages (100, then 1,000) may go on after a Cancel as the panel
 * closes and shows more rows, and the check for newer events has its own schedule.
 */
const readsTheRange = isRangeRead;

/** Counts list requests in flight on `page` (the export worker's included). */
function trackListRequests(page: Page) {
  const open = new Set<Request>();
  const statuses: number[] = [];
  page.on('request', (r) => readsTheRange(r.url()) && open.add(r));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  page.on('response', (r) => LIST_REQUEST.test(r.url()) && statuses.push(r.status()));
  return { open, statuses };
}

test('a DOWNLOAD under small pages, a rate limit and faults equals the server export', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const requests = trackListRequests(page);
  const { file, expected } = await downloadWholeLog(page, pulumiLike, reference);
  expect(file.bytes.length).toBe(expected.length);
  expect(file.bytes.equals(expected)).toBe(true);
  await expect(page.getByTestId('receipt-events')).toHaveText('6,000');
  const refused = requests.statuses.filter((s) => s === 429).length;
  test.info().annotations.push({
    type: 'requests',
    description: `${requests.statuses.length} answered, ${refused} of them 429`,
  });
  expect(refused).toBeGreaterThan(0);
});

test('Cancel mid-way stops every request', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, pulumiLike.baseURL, pulumiLike.adminToken);
  await openView(page, pulumiLike.baseURL, {});
  await stopIndexRead(page);
  const requests = trackListRequests(page);
  const sent: string[] = [];
  page.on('request', (r) => readsTheRange(r.url()) && sent.push(r.url()));
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const panel = page.getByRole('region', { name: /Downloading/ });
  await expect(page.getByTestId('export-events')).not.toHaveText('0');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toBeHidden();

  // Aborted requests end at once; none is left open, and none starts afterwards.
  await expect.poll(() => requests.open.size, { timeout: 5000 }).toBe(0);
  const sentAtCancel = sent.length;
  await page.waitForTimeout(1500);
  // The URLs themselves, so a late request says where it came from.
  expect(sent.slice(sentAtCancel), 'list requests sent after Cancel').toEqual([]);
  expect(requests.open.size).toBe(0);
  expect(downloads).toEqual([]);
});
