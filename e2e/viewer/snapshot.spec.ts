/**
 * The table is a snapshot of its view and DOWNLOAD exports exactly that snapshot: the export's
 * range reader asks windows that lie inside the bounds of the table's pages (each window one
 * second wider at its start, which it trims away), the newest ending exactly where the table's
 * end is (an open view included), and Refresh starts a new snapshot that the export then
 * follows (DOWNLOAD writes from the console's own read when it holds the view, which is asked
 * the same bounds). The bounds themselves are compared.
 */
import type { Page, Request } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { holdIndexRead } from '../support/index-read.ts';
import { LOG_PATH, signInContext, waitForRows } from './viewer-helpers.ts';

const LIST = '/api/orgs/acme/auditlogs/v2?';

interface Asked {
  startTime: string | null;
  endTime: string | null;
  pageSize: string | null;
  first: boolean;
}

function asked(request: Request): Asked {
  const params = new URL(request.url()).searchParams;
  return {
    startTime: params.get('startTime'),
    endTime: params.get('endTime'),
    pageSize: params.get('pageSize'),
    first: !params.has('continuationToken'),
  };
}

/** Every list request of the page, the table's (100, then 1,000 a page) and the export worker's. */
function recordListRequests(page: Page): Asked[] {
  const requests: Asked[] = [];
  page.on('request', (request) => {
    if (request.url().includes(LIST)) requests.push(asked(request));
  });
  return requests;
}

/**
 * The table's pages among `requests`: its first page (100 events), then its later ones (1,000
 * each). The newer-events check also asks 100 events, with no end. Against Pulumi Cloud the
 * first page's estimate can start a density sample (`density-sample.ts`): more first pages of
 * 100 events, a few hours each, spread across the range, asked after the table's first page.
 */
function tablePages(requests: Asked[]): Asked[] {
  const firstPage = requests.find((r) => r.pageSize === '100' && r.first && r.endTime !== null);
  return requests.filter((r) => r === firstPage || (r.pageSize === '1000' && r.endTime !== null));
}
/** The range reader's pages (the console's own read of the range, or the export's): the rest. */
const exportPages = (requests: Asked[]) =>
  requests.filter((r) => r.pageSize !== '100' && r.pageSize !== '1000');
const iso = (seconds: string) => new Date(Number(seconds) * 1000).toISOString().replace('.000', '');

/** Every export request asks a window inside the table's bounds; the newest ends at its end. */
function expectWithinSnapshot(exported: Asked[], table: Asked) {
  expect(exported.length).toBeGreaterThan(0);
  const lowest = table.startTime === null ? -1 : Number(table.startTime) - 1;
  for (const request of exported) {
    expect(Number(request.endTime)).toBeLessThanOrEqual(Number(table.endTime));
    expect(Number(request.startTime ?? lowest)).toBeGreaterThanOrEqual(lowest);
  }
  expect(Math.max(...exported.map((r) => Number(r.endTime)))).toBe(Number(table.endTime));
}

async function downloadAndDismiss(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await download;
  const receipt = page.getByRole('region', { name: 'Download ready' });
  await expect(receipt).toBeVisible();
  return receipt;
}

test.beforeEach(async ({ context, baseURL, adminToken }) => {
  await signInContext(context, baseURL!, adminToken);
});

test('the export of an open view asks the table’s bounds, end included', async ({ page }) => {
  const requests = recordListRequests(page);
  await page.goto(`${LOG_PATH}?tz=utc`);
  await waitForRows(page);
  const table = tablePages(requests)[0]!;
  expect(table.first).toBe(true);
  expect(table.startTime).toBeNull();
  expect(Number(table.endTime)).toBeGreaterThan(Date.now() / 1000 - 60);
  await expect(page.getByTestId('as-of')).toHaveText(
    `as of ${iso(String(Number(table.endTime) - 1)).slice(11, 19)} UTC`,
  );

  // Later than the table's request, so bounds resolved at click time would differ.
  await page.waitForTimeout(1100);
  const receipt = await downloadAndDismiss(page);
  expectWithinSnapshot(exportPages(requests), table);
  await expect(receipt).toContainText(`the beginning – ${iso(table.endTime!)}`);
});

test('Refresh starts a new snapshot, and the export follows it', async ({ page }) => {
  const requests = recordListRequests(page);
  // The index's read waits, so the rows below the first page are the API's pages, not its.
  const release = await holdIndexRead(page);
  await page.goto(`${LOG_PATH}?range=90d`);
  await waitForRows(page);
  // Load a second page, so Refresh must fetch every page again rather than only the first.
  await page
    .getByRole('region', { name: 'Audit log events' })
    .evaluate((el) => el.scrollBy(0, 4000));
  await expect.poll(() => tablePages(requests).length).toBeGreaterThan(1);
  release();
  const before = tablePages(requests)[0]!;
  const asOf = await page.getByTestId('as-of').textContent();

  await page.waitForTimeout(1100);
  const seen = requests.length;
  await page.getByRole('button', { name: 'Load newer events' }).click();
  await waitForRows(page);
  await expect(page.getByTestId('as-of')).not.toHaveText(asOf!);
  const after = tablePages(requests.slice(seen));
  expect(after[0]!.first).toBe(true);
  expect(Number(after[0]!.endTime)).toBeGreaterThan(Number(before.endTime));
  expect(Number(after[0]!.startTime)).toBeGreaterThan(Number(before.startTime));
  for (const request of after) expect(request.endTime).toBe(after[0]!.endTime);

  // The new snapshot's seconds are read (by the console for its index, which DOWNLOAD then
  // writes from, or by the export), up to its end exactly; the file names that end.
  const receipt = await downloadAndDismiss(page);
  expectWithinSnapshot(exportPages(requests.slice(seen)), after[0]!);
  await expect(receipt).toContainText(iso(after[0]!.endTime!));
});
