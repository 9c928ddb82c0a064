import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../../lib/api-client.ts';
import { csvHeaderLine, eventsToCsvChunk } from '../../../common/export/audit-csv.ts';
import { createWindowPageFetcher } from '../../lib/range-reader/fetch-window-page.ts';
import {
  BOUND_READINGS,
  eventsInApiOrder,
  fakeApi,
  type FakeApiOptions,
} from '../../lib/range-reader/test-api.ts';
import type { ExportOptions } from './export-format.ts';
import type { ExportProgress, ExportRequest, ExportSearch } from './export-types.ts';
import { requestEncoder } from './encode-events.ts';
import { createPreparedStore, type PreparedStore } from './prepared-store.ts';
import { readQueryOf, runExport } from './run-export.ts';
import type { IndexBatch } from '../../lib/range-index/index-stream.ts';
import { naiveMatch } from '../../lib/range-index/testing/naive-search.ts';
import { parseSearchQuery } from '../../lib/search-query/parse-search-query.ts';
import { readBlobBytes, readBlobText } from '../../testing/test-blob.ts';

const START = 1_793_491_200;
const QUERY = { org: 'acme', user: 'kim', startTime: START };
const CSV: ExportOptions = { format: 'csv', excelBom: false };
const STARTED_MS = (START + 3600) * 1000;
/** 20 events over the view's first minutes, several sharing a second. */
const EVENTS = eventsInApiOrder(
  Array.from({ length: 20 }, (_, i) => START + Math.floor(i / 3) * 7),
);

function exportWith(
  api: Partial<FakeApiOptions> = {},
  options = CSV,
  events = EVENTS,
  signal = new AbortController().signal,
  search?: ExportSearch,
) {
  const { fetchPage, calls } = fakeApi(events, { ...BOUND_READINGS[0]!, pageSize: 3, ...api });
  const progress: ExportProgress[] = [];
  let clock = STARTED_MS;
  const run = runExport(
    { query: QUERY, options, search },
    {
      fetchPage,
      signal,
      onProgress: (p) => progress.push(p),
      sleep: async () => {},
      maxRetries: 2,
      readBlob: readBlobBytes,
      now: () => (clock += 500),
    },
  );
  return { run, calls, progress };
}

/** Deps under which the oldest window never answers; the newer ones are read before the run gives up. */
function oldestWindowFails() {
  const oldest = (bounds: { startTime?: number }) => (bounds.startTime ?? 0) < START + 10;
  const { fetchPage } = fakeApi(EVENTS, { ...BOUND_READINGS[0]!, pageSize: 3 });
  return {
    fetchPage: (...args: Parameters<typeof fetchPage>) =>
      oldest(args[0])
        ? Promise.reject(new ApiError(500, 'Internal Server Error'))
        : fetchPage(...args),
    signal: new AbortController().signal,
    onProgress: () => {},
    sleep: async () => {},
    maxRetries: 2,
    readBlob: readBlobBytes,
    now: () => STARTED_MS,
    concurrency: { initial: 2, max: 2 },
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('runExport of a search', () => {
  it('writes exactly the matches, in the table’s order, from the range read unfiltered', async () => {
    const search = { q: '"event #1" -"event #12"', filter: '' };
    const { run } = exportWith({}, CSV, EVENTS, undefined, search);
    const outcome = await run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    const expected = naiveMatch(EVENTS, parseSearchQuery(search.q).query).map((i) => EVENTS[i]!);
    expect(expected.length).toBeGreaterThan(1);
    expect(await readBlobText(outcome.file.blob)).toBe(
      csvHeaderLine() + eventsToCsvChunk(expected),
    );
    expect(outcome.file.events).toBe(expected.length);
  });

  it('asks the API for the whole range, leaving user and event to the search', () => {
    const query = { org: 'acme', user: 'kim', event: 'stack-deleted', startTime: 5, endTime: 9 };
    const options = CSV;
    expect(readQueryOf({ query, options })).toBe(query);
    expect(readQueryOf({ query, options, search: { q: 'x', filter: 'user:kim' } })).toEqual({
      org: 'acme',
      startTime: 5,
      endTime: 9,
    });
  });

  it('writes the matches among what was read as a PARTIAL file when reading fails', async () => {
    const search = { q: '-"event #19"', filter: '' };
    const outcome = await runExport(
      { query: { ...QUERY, endTime: START + 50 }, options: CSV, search },
      oldestWindowFails(),
    );
    if (outcome.status !== 'failed') throw new Error('expected a failure');
    const partial = outcome.partial!;
    expect(partial.fileName).toMatch(/_PARTIAL\.csv$/);
    const read = EVENTS.filter((e) => e.description !== 'event #19').slice(0, partial.events);
    expect(partial.events).toBeGreaterThan(0);
    expect(await readBlobText(partial.blob)).toBe(csvHeaderLine() + eventsToCsvChunk(read));
  });
});

describe('runExport', () => {
  it('builds the whole CSV in the API order, hashed as written', async () => {
    const { run, progress } = exportWith();
    const outcome = await run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    const { file } = outcome;
    expect(await readBlobText(file.blob)).toBe(csvHeaderLine() + eventsToCsvChunk(EVENTS));
    expect(file).toMatchObject({
      fileName: 'audit-log_acme_20261101T000000Z_now_user-kim.csv',
      events: 20,
      partial: false,
      sha256: sha256(new Uint8Array(await readBlobBytes(file.blob))),
      startedAt: STARTED_MS + 500,
    });
    expect(file.blob.type).toBe('text/csv;charset=utf-8');
    const last = progress.at(-1);
    expect(last).toMatchObject({ events: 20, covered: 1, inFlight: 0 });
  });

  it('of a view from the beginning of time, tells how far back it has read, not a share of the years since 1970', async () => {
    const { fetchPage } = fakeApi(EVENTS, { ...BOUND_READINGS[0]!, pageSize: 3 });
    const progress: ExportProgress[] = [];
    const outcome = await runExport(
      { query: { org: 'acme', user: 'kim' }, options: CSV },
      {
        fetchPage,
        signal: new AbortController().signal,
        onProgress: (p) => progress.push(p),
        sleep: async () => {},
        readBlob: readBlobBytes,
        now: () => STARTED_MS,
      },
    );
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    expect(progress.every((p) => p.covered === undefined)).toBe(true);
    const backTo = progress.flatMap((p) => (p.readBackTo === undefined ? [] : [p.readBackTo]));
    expect(backTo.length).toBeGreaterThan(0);
    // It only reaches further back, and ends at the log's first event.
    expect(backTo).toEqual([...backTo].sort((a, b) => b - a));
    expect(backTo.at(-1)).toBe(START);
  });

  it('writes JSON Lines with the BOM option ignored', async () => {
    const outcome = await exportWith({}, { format: 'jsonl', excelBom: true }).run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    const text = await readBlobText(outcome.file.blob);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .map((line) => JSON.parse(line)),
    ).toEqual(EVENTS);
    expect(outcome.file.fileName.endsWith('.jsonl')).toBe(true);
  });

  it('prefixes the BOM when asked, and hashes it', async () => {
    const outcome = await exportWith({}, { format: 'csv', excelBom: true }).run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    const bytes = new Uint8Array(await readBlobBytes(outcome.file.blob));
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(outcome.file.sha256).toBe(sha256(bytes));
  });

  it('rides out faults without losing or repeating an event', async () => {
    const faults = [
      new ApiError(429, 'slow', 1),
      undefined,
      new NetworkError(),
      new NetworkError('reset mid-body'),
      undefined,
      new ApiError(503, 'busy'),
    ];
    const { run, progress } = exportWith({ failure: (n) => faults[n] });
    const outcome = await run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    expect(await readBlobText(outcome.file.blob)).toBe(csvHeaderLine() + eventsToCsvChunk(EVENTS));
    expect(progress.filter((p) => p.retry).map((p) => p.retry?.kind)).toEqual(
      expect.arrayContaining(['rate-limited', 'network', 'server']),
    );
  });

  it('offers the newest events, in order, as a PARTIAL file when retries run out', async () => {
    // The oldest window never answers; the newer ones are written before the run gives up.
    const outcome = await runExport(
      { query: { ...QUERY, endTime: START + 50 }, options: CSV },
      oldestWindowFails(),
    );
    if (outcome.status !== 'failed') throw new Error('expected a failure');
    expect(outcome.kind).toBe('server');
    expect(outcome.message).toMatch(/retries ran out/);
    const partial = outcome.partial!;
    expect(partial.fileName).toBe(
      'audit-log_acme_20261101T000000Z_20261101T000050Z_user-kim_PARTIAL.csv',
    );
    expect(partial.events).toBeGreaterThan(0);
    expect(await readBlobText(partial.blob)).toBe(
      csvHeaderLine() + eventsToCsvChunk(EVENTS.slice(0, partial.events)),
    );
  });

  it('stops on 401 with a sign-in message', async () => {
    const outcome = await exportWith({ failure: () => new ApiError(401, 'Unauthorized') }).run;
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'unauthorized',
      message: expect.stringMatching(/Sign in again/),
      partial: undefined,
    });
  });

  it('exports a header-only file for an empty view', async () => {
    const outcome = await exportWith({}, CSV, []).run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    expect(outcome.file.events).toBe(0);
    expect(await readBlobText(outcome.file.blob)).toBe(csvHeaderLine());
  });

  it('rejects with the abort reason when cancelled, producing nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const { run } = exportWith(
      { failure: () => new ApiError(429, 'slow', 5) },
      CSV,
      EVENTS,
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
          fetchPage: createWindowPageFetcher(QUERY),
          signal: new AbortController().signal,
          onProgress: () => {},
          readBlob: readBlobBytes,
          now: () => STARTED_MS,
        },
      );
      if (outcome.status !== 'complete') throw new Error('expected a complete export');
      expect(await readBlobText(outcome.file.blob)).toBe(
        csvHeaderLine() + '2026-11-01T00:01:00Z,,kim,User Login,,,,,,,false,false,false\r\n',
      );
    });
  });
});

/** An export of `request` fed by `indexed` (the index's stream), with nothing asked of the API. */
async function exportFromIndex(
  request: ExportRequest,
  indexed: AsyncIterable<IndexBatch>,
  prepared?: PreparedStore,
) {
  const fetchPage = vi.fn();
  const progress: ExportProgress[] = [];
  const run = runExport(request, {
    fetchPage,
    indexed,
    prepared,
    signal: new AbortController().signal,
    onProgress: (p) => progress.push(p),
    readBlob: readBlobBytes,
  });
  return { run, fetchPage, progress };
}

describe('runExport from the console’s range index', () => {
  it('writes the same bytes as a read of the API, and asks the API nothing', async () => {
    const fromApi = await exportWith().run;
    if (fromApi.status !== 'complete') throw new Error('expected a complete export');
    const kim = EVENTS.filter((e) => e.user.githubLogin === 'kim');
    async function* batches() {
      for (let i = 0; i < kim.length; i += 4)
        yield { events: kim.slice(i, i + 4), total: kim.length };
    }
    const { run, fetchPage, progress } = await exportFromIndex(
      { query: QUERY, options: CSV },
      batches(),
    );
    const outcome = await run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    expect(fetchPage).not.toHaveBeenCalled();
    expect(outcome.file.events).toBe(kim.length);
    expect(outcome.file.sha256).toBe(fromApi.file.sha256);
    expect(await readBlobText(outcome.file.blob)).toBe(await readBlobText(fromApi.file.blob));
    expect(progress.at(-1)).toMatchObject({ events: kim.length, pages: 0, covered: 1 });
  });

  it('writes batches encoded ahead where the stream names them, the same bytes as a read of the API', async () => {
    const fromApi = await exportWith().run;
    if (fromApi.status !== 'complete') throw new Error('expected a complete export');
    const kim = EVENTS.filter((e) => e.user.githubLogin === 'kim');
    const request = { query: QUERY, options: CSV };
    const prepared = createPreparedStore(requestEncoder(request));
    // Batches 0 and 1 were prepared while the read went on; the rest come as events.
    prepared.add(0, kim.slice(0, 2));
    prepared.add(1, kim.slice(2, 5));
    async function* batches() {
      yield { prepared: [0, 1], events: [], total: kim.length };
      yield { events: kim.slice(5), total: kim.length };
    }
    const { run, fetchPage, progress } = await exportFromIndex(request, batches(), prepared);
    const outcome = await run;
    if (outcome.status !== 'complete') throw new Error('expected a complete export');
    expect(fetchPage).not.toHaveBeenCalled();
    expect(outcome.file.events).toBe(kim.length);
    expect(await readBlobText(outcome.file.blob)).toBe(await readBlobText(fromApi.file.blob));
    expect(outcome.file.sha256).toBe(fromApi.file.sha256);
    expect(progress[0]).toMatchObject({ events: 5, covered: 5 / kim.length });
  });

  it('fails rather than leave out a batch the stream names but never came', async () => {
    const request = { query: QUERY, options: CSV };
    async function* batches() {
      yield { prepared: [7], events: [], total: 3 };
    }
    const { run } = await exportFromIndex(
      request,
      batches(),
      createPreparedStore(requestEncoder(request)),
    );
    await expect(run).rejects.toThrow(/went missing/);
  });
});
