import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageFetcher } from '../../lib/pager/fetch-audit-log-page.ts';
import { ApiError, NetworkError } from '../../lib/api-client.ts';
import { csvHeaderLine, eventsToCsvChunk } from '../../../common/export/audit-csv.ts';
import { scriptedFetcher, testPages, type Outcome } from '../../testing/test-pages.ts';
import type { ExportOptions } from './export-format.ts';
import type { ExportProgress } from './export-types.ts';
import { runExport } from './run-export.ts';
import { readBlobText } from '../../testing/test-blob.ts';

const QUERY = { org: 'acme', user: 'kim', startTime: 1_793_491_200 };
const CSV: ExportOptions = { format: 'csv', excelBom: false };

function exportWith(
  failures: Outcome[] = [],
  options = CSV,
  pages = testPages(4, 5),
  signal = new AbortController().signal,
) {
  const { fetchPage, calls } = scriptedFetcher(pages, failures);
  const progress: ExportProgress[] = [];
  let clock = 1_000;
  const run = runExport(
    { query: QUERY, options },
    {
      fetchPage,
      signal,
      onProgress: (p) => progress.push(p),
      sleep: async () => {},
      maxRetries: 2,
      hash: async (blob) => `hash-of-${blob.size}`,
      now: () => (clock += 500),
    },
  );
  return { run, calls, progress, events: pages.flatMap((p) => p.auditLogEvents) };
}

describe('runExport', () => {
  it('builds the whole CSV: header plus every page, in order', async () => {
    const { run, events, progress } = exportWith();
    const outcome = await run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    const { file } = outcome;
    expect(await readBlobText(file.blob)).toBe(csvHeaderLine() + eventsToCsvChunk(events));
    expect(file).toMatchObject({
      fileName: 'audit-log_acme_20261101T000000Z_now_user-kim.csv',
      events: 20,
      partial: false,
      sha256: `hash-of-${file.blob.size}`,
      startedAt: 1_500,
      finishedAt: 2_000,
    });
    expect(file.blob.type).toBe('text/csv;charset=utf-8');
    expect(progress.map((p) => p.events)).toEqual([5, 10, 15, 20]);
  });

  it('writes JSON Lines with the BOM option ignored', async () => {
    const { run, events } = exportWith([], { format: 'jsonl', excelBom: true });
    const outcome = await run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    const text = await readBlobText(outcome.file.blob);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .map((line) => JSON.parse(line)),
    ).toEqual(events);
    expect(outcome.file.fileName.endsWith('.jsonl')).toBe(true);
  });

  it('prefixes the BOM when asked', async () => {
    const outcome = await exportWith([], { format: 'csv', excelBom: true }).run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    expect((await readBlobText(outcome.file.blob)).startsWith('\uFEFFTimestamp,')).toBe(true);
  });

  it('rides out faults without losing or repeating an event', async () => {
    const faults: Outcome[] = [
      { error: new ApiError(429, 'slow', 1) },
      'ok',
      { error: new NetworkError() },
      { error: new NetworkError('The connection dropped while the answer was being read.') },
      'ok',
      { error: new ApiError(503, 'busy') },
    ];
    const { run, events, progress } = exportWith(faults);
    const outcome = await run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    expect(await readBlobText(outcome.file.blob)).toBe(csvHeaderLine() + eventsToCsvChunk(events));
    expect(progress.filter((p) => p.retry).map((p) => p.retry?.kind)).toEqual([
      'rate-limited',
      'network',
      'network',
      'server',
    ]);
  });

  it('offers the pages read so far as a PARTIAL file when retries run out', async () => {
    const down = { error: new ApiError(500, 'Internal Server Error') };
    const { run, events } = exportWith(['ok', 'ok', down, down, down]);
    const outcome = await run;
    if (outcome.status !== 'failed') throw new Error('expected a failure');
    expect(outcome.kind).toBe('server');
    expect(outcome.message).toMatch(/retries ran out/);
    expect(outcome.partial).toMatchObject({
      partial: true,
      events: 10,
      fileName: 'audit-log_acme_20261101T000000Z_now_user-kim_PARTIAL.csv',
    });
    expect(await readBlobText(outcome.partial!.blob)).toBe(
      csvHeaderLine() + eventsToCsvChunk(events.slice(0, 10)),
    );
  });

  it('stops on 401 with a sign-in message', async () => {
    const outcome = await exportWith(['ok', { error: new ApiError(401, 'Unauthorized') }]).run;
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'unauthorized',
      message: expect.stringMatching(/Sign in again/),
    });
  });

  it('offers no partial file when nothing was read', async () => {
    const outcome = await exportWith([{ error: new ApiError(403, 'Forbidden') }]).run;
    expect(outcome).toMatchObject({ status: 'failed', kind: 'refused', partial: undefined });
  });

  it('exports a header-only file for an empty view', async () => {
    const outcome = await exportWith([], CSV, [{ auditLogEvents: [] }]).run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    expect(outcome.file.events).toBe(0);
    expect(await readBlobText(outcome.file.blob)).toBe(csvHeaderLine());
  });

  it('rejects with the abort reason when cancelled, producing nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const { run } = exportWith(
      [{ error: new ApiError(429, 'slow', 5) }],
      CSV,
      testPages(2, 2),
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  describe('with an upstream that omits fields', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('exports events without a source address, description or user name, as empty cells', async () => {
      const sparse = {
        timestamp: 1_793_491_260,
        event: 'user-login',
        user: { githubLogin: 'kim' },
      };
      vi.stubGlobal('fetch', async () => Response.json({ auditLogEvents: [sparse] }));
      const outcome = await runExport(
        { query: QUERY, options: CSV },
        {
          fetchPage: createPageFetcher(QUERY),
          signal: new AbortController().signal,
          onProgress: () => {},
          hash: async () => 'h',
        },
      );
      if (outcome.status !== 'complete') throw new Error('expected a complete export');
      expect(await readBlobText(outcome.file.blob)).toBe(
        csvHeaderLine() + '2026-11-01T00:01:00Z,,kim,User Login,,,,,,,false,false,false\r\n',
      );
    });
  });
});
