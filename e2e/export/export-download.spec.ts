/**
 * DOWNLOAD on a filtered view: the file holds exactly the API's events for the view, and its
 * bytes equal the server's own export; JSON Lines and the Excel BOM option; the receipt's digest.
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import Papa from 'papaparse';
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import { csvHeaderLine, CSV_COLUMNS, eventsToCsvChunk } from '../../common/export/audit-csv.ts';
import { naiveMatch } from '../../src/lib/range-index/testing/naive-search.ts';
import { parseSearchQuery } from '../../src/lib/search-query/parse-search-query.ts';
import {
  isNewerEventsCheck,
  NEWER_POLL_MS,
} from '../../src/features/audit-log/api/newer-events-query.ts';
import { expect, test } from '../support/fixtures.ts';
import { countRangeReadEvents, holdIndexRead } from '../support/index-read.ts';
import { readRangeIfAsked } from '../viewer/viewer-helpers.ts';
import {
  downloadExport,
  fetchViewEvents,
  openView,
  serverExportBytes,
  signIn,
  type ExportView,
} from './export-helpers.ts';

/** JSON Lines of `events` as parsed from the API's answers: JSON keeps their keys' order. */
const jsonLines = (events: AuditLogEvent[]) => events.map((e) => JSON.stringify(e) + '\n').join('');

const compactUtc = (seconds: number) =>
  new Date(seconds * 1000).toISOString().replace(/[-:]|\.\d{3}/g, '');

/** The most frequent value of `key`: a filter that still leaves many events. */
function mostFrequent(events: AuditLogEvent[], key: (event: AuditLogEvent) => string): string {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(key(event), (counts.get(key(event)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** A range inside the data, so both bounds cut: from the 80th to the 10th percentile (newest first). */
function innerRange(events: AuditLogEvent[]): Pick<ExportView, 'startTime' | 'endTime'> {
  return {
    startTime: events[Math.floor(events.length * 0.8)]!.timestamp,
    endTime: events[Math.floor(events.length * 0.1)]!.timestamp,
  };
}

/** The user with the most events, inside `innerRange`: a view both filters and both bounds cut. */
const busiestUserInRange = (events: AuditLogEvent[]): ExportView => ({
  user: mostFrequent(events, (e) => e.user.githubLogin),
  ...innerRange(events),
});

test.describe('export download', () => {
  let all: AuditLogEvent[];

  test.beforeEach(async ({ page, baseURL, adminToken }) => {
    await signIn(page, baseURL!, adminToken);
    all ??= await fetchViewEvents(page.request, baseURL!, {});
  });

  test('CSV of a user and time range equals the API events and the server export', async ({
    page,
    baseURL,
  }) => {
    const view = busiestUserInRange(all);
    const expected = await fetchViewEvents(page.request, baseURL!, view);
    expect(expected.length).toBeGreaterThan(20);
    await openView(page, baseURL!, view);
    const file = await downloadExport(page);

    expect(file.name).toBe(
      `audit-log_acme_${compactUtc(view.startTime!)}_${compactUtc(view.endTime!)}_user-${view.user}.csv`,
    );
    const text = file.bytes.toString('utf8');
    const rows = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(expected.length + 1);
    expect(rows.slice(1).every((row) => row[2] === view.user)).toBe(true);
    expect(text).toBe(csvHeaderLine() + eventsToCsvChunk(expected));
    expect(file.bytes.equals(await serverExportBytes(page.request, baseURL!, view))).toBe(true);

    const receipt = page.getByRole('region', { name: 'Download ready' });
    await expect(receipt.getByTestId('receipt-events')).toHaveText(
      expected.length.toLocaleString('en-US'),
    );
    await expect(receipt.getByTestId('receipt-sha256')).toHaveText(
      createHash('sha256').update(file.bytes).digest('hex'),
    );
  });

  test('CSV of a search holds exactly its matches, as the table lists them', async ({
    page,
    baseURL,
  }) => {
    const view: ExportView = { ...busiestUserInRange(all), q: '-failed:true -"stack update"' };
    const user = view.user!;
    const inView = await fetchViewEvents(page.request, baseURL!, view);
    const expected = naiveMatch(inView, parseSearchQuery(view.q!).query).map((i) => inView[i]!);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(inView.length);
    await openView(page, baseURL!, view);
    const file = await downloadExport(page);
    expect(file.bytes.toString('utf8')).toBe(csvHeaderLine() + eventsToCsvChunk(expected));
    const receipt = page.getByRole('region', { name: 'Download ready' });
    await expect(receipt).toContainText(`user:${user} ${view.q}`);
  });

  test('DOWNLOAD of a view the console has read asks the API nothing, and equals the server export', async ({
    page,
    baseURL,
  }) => {
    // Open at the end, so the page's check for newer events runs beside DOWNLOAD on its own
    // clock. The clock is the test's: a check is made after DOWNLOAD is clicked, and waited for.
    await page.clock.install();
    const view: ExportView = { user: mostFrequent(all, (e) => e.user.githubLogin) };
    await openView(page, baseURL!, view);
    await readRangeIfAsked(page);
    await expect(page.getByText(/kept in this browser/)).toBeVisible({ timeout: 30_000 });
    const isList = (url: string) => new URL(url).pathname.endsWith('/auditlogs/v2');
    const isCheck = (url: string) => isList(url) && isNewerEventsCheck(url);
    const downloadRequests: string[] = [];
    page.on('request', (r) => {
      if (isList(r.url()) && !isNewerEventsCheck(r.url())) downloadRequests.push(r.url());
    });
    const file = await downloadExport(page, async () => {
      const check = page.waitForRequest((r) => isCheck(r.url()));
      await page.clock.fastForward(NEWER_POLL_MS);
      await check;
    });
    expect(downloadRequests).toEqual([]);
    expect(file.bytes.equals(await serverExportBytes(page.request, baseURL!, view))).toBe(true);
  });

  test('DOWNLOAD pressed as the log opens joins the console’s read instead of reading again', async ({
    page,
    baseURL,
  }) => {
    const view: ExportView = innerRange(all);
    const expected = await fetchViewEvents(page.request, baseURL!, view);
    const fetched = countRangeReadEvents(page);
    await openView(page, baseURL!, view);
    await expect(page.getByRole('button', { name: 'Download', exact: true })).toBeEnabled();
    const file = await downloadExport(page);
    expect(file.bytes.equals(await serverExportBytes(page.request, baseURL!, view))).toBe(true);
    // One read of the range (each window asks a second wider): not one for the index and
    // another for the file.
    expect(fetched()).toBeGreaterThanOrEqual(expected.length);
    expect(fetched()).toBeLessThan(expected.length * 1.5);
  });

  test('DOWNLOAD pressed while the page weighs reading the range waits, and joins the read it starts', async ({
    page,
    baseURL,
  }, testInfo) => {
    // From the beginning: through Pulumi Cloud the page first finds where the log begins (a
    // page of one event) before it decides to read the range; that answer is held until
    // DOWNLOAD has been pressed. On the embedded service the range is read at once.
    const view: ExportView = { endTime: innerRange(all).endTime };
    const expected = await fetchViewEvents(page.request, baseURL!, view);
    let releaseProbe = () => {};
    const probeHeld = new Promise<void>((done) => (releaseProbe = done));
    await page.route(
      (url) => url.pathname.endsWith('/auditlogs/v2') && url.searchParams.get('pageSize') === '1',
      async (route) => {
        await probeHeld;
        await route.continue();
      },
    );
    const fetched = countRangeReadEvents(page);
    await openView(page, baseURL!, view);
    await expect(page.getByRole('button', { name: 'Download', exact: true })).toBeEnabled();
    const file = await downloadExport(page, async () => {
      if (testInfo.project.name === 'upstream') {
        await expect(page.getByTestId('export-joining')).toHaveText(
          /^Waiting while this page finds out what reading the range costs/,
        );
      }
      releaseProbe();
    });
    expect(file.bytes.equals(await serverExportBytes(page.request, baseURL!, view))).toBe(true);
    // One read of the range, the page's, once it has ended: DOWNLOAD did not read it beside it.
    await expect(page.getByRole('button', { name: 'Read again' })).toBeVisible();
    expect(fetched()).toBeGreaterThanOrEqual(expected.length);
    expect(fetched()).toBeLessThan(expected.length * 1.5);
  });

  test('DOWNLOAD waiting on the console’s read says so, then writes the file from it', async ({
    page,
    baseURL,
  }) => {
    const view: ExportView = innerRange(all);
    const release = await holdIndexRead(page);
    await openView(page, baseURL!, view);
    const file = await downloadExport(page, async () => {
      await expect(page.getByTestId('export-joining')).toHaveText(
        'Waiting for this page’s read of the range, which DOWNLOAD writes from.',
      );
      // Its figures are the held read's (nothing read yet), with no share of its own to show.
      await expect(page.getByTestId('export-events')).toHaveText('0');
      await expect(page.getByText('Events read', { exact: true })).toBeVisible();
      await expect(page.getByTestId('export-covered')).toHaveCount(0);
      release();
    });
    expect(file.bytes.equals(await serverExportBytes(page.request, baseURL!, view))).toBe(true);
  });

  test('JSON Lines of an event filter holds the API objects, one per line', async ({
    page,
    baseURL,
  }) => {
    const view: ExportView = { event: mostFrequent(all, (e) => e.event) };
    const expected = await fetchViewEvents(page.request, baseURL!, view);
    await openView(page, baseURL!, view);
    await page.getByRole('button', { name: /download options/ }).click();
    await page.getByRole('radio', { name: 'JSON Lines' }).check();
    await page.keyboard.press('Escape');
    const file = await downloadExport(page);

    // An open view is exported up to the table's snapshot, so the name carries that instant.
    expect(file.name).toMatch(
      new RegExp(`^audit-log_acme_beginning_\\d{8}T\\d{6}Z_event-${view.event}\\.jsonl$`),
    );
    // Each line is the API's object as the API sent it: the same keys in the same order.
    expect(file.bytes.toString('utf8')).toBe(jsonLines(expected));
  });

  test('JSON Lines of a view the console has read are the API objects key for key, asked of no one', async ({
    page,
    baseURL,
  }) => {
    const view: ExportView = { user: mostFrequent(all, (e) => e.user.githubLogin) };
    const expected = await fetchViewEvents(page.request, baseURL!, view);
    await openView(page, baseURL!, view);
    await readRangeIfAsked(page);
    await expect(page.getByText(/kept in this browser/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: /download options/ }).click();
    await page.getByRole('radio', { name: 'JSON Lines' }).check();
    await page.keyboard.press('Escape');
    const listed: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (new URL(url).pathname.endsWith('/auditlogs/v2') && !isNewerEventsCheck(url)) {
        listed.push(url);
      }
    });
    const file = await downloadExport(page);
    expect(listed).toEqual([]);
    expect(file.bytes.toString('utf8')).toBe(jsonLines(expected));
  });

  test('CEF built in the browser equals the server’s CEF export, naming the console’s host', async ({
    page,
    baseURL,
  }) => {
    const view: ExportView = innerRange(all);
    await openView(page, baseURL!, view);
    await page.getByRole('button', { name: /download options/ }).click();
    await page.getByRole('radio', { name: 'CEF' }).check();
    await page.keyboard.press('Escape');
    const file = await downloadExport(page);
    expect(file.name).toMatch(/\.cef$/);

    // The server names its own host (os.hostname(), this machine); the browser the host it
    // reached the console by. With that one field made the same, the bytes are equal.
    const consoleHost = new URL(baseURL!).hostname;
    const server = (await serverExportBytes(page.request, baseURL!, view, undefined, 'cef'))
      .toString('utf8')
      .replaceAll(` ${hostname()} CEF:0|`, ` ${consoleHost} CEF:0|`)
      .replaceAll(`dvchost=${hostname()} `, `dvchost=${consoleHost} `);
    expect(server.split('\n').length).toBeGreaterThan(20);
    expect(file.bytes.toString('utf8')).toBe(server);
  });

  test('the Excel option adds a BOM and nothing else', async ({ page, baseURL }) => {
    const view: ExportView = innerRange(all);
    await openView(page, baseURL!, view);
    await page.getByRole('button', { name: /download options/ }).click();
    await page.getByRole('checkbox', { name: 'Excel (UTF-8 with BOM)' }).check();
    await page.keyboard.press('Escape');
    const file = await downloadExport(page);

    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(
      file.bytes.subarray(3).equals(await serverExportBytes(page.request, baseURL!, view)),
    ).toBe(true);
  });
});
