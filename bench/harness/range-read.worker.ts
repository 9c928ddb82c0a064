/**
 * The index benchmark's worker: reads a view with the range reader, as the console's index
 * worker does, and either drops the events (the reader's own time, the baseline) or adds them
 * to a RangeIndex and then times queries, facets and histograms over the whole of it.
 */
import { facets } from '../../src/lib/range-index/facets.ts';
import { histogram } from '../../src/lib/range-index/histogram.ts';
import { markersOf } from '../../src/lib/range-index/markers.ts';
import { matchRows } from '../../src/lib/range-index/match-rows.ts';
import { RangeIndex } from '../../src/lib/range-index/range-index.ts';
import type { AuditLogQuery } from '../../src/lib/audit-log-query.ts';
import {
  createWindowPageFetcher,
  viewRange,
} from '../../src/lib/range-reader/fetch-window-page.ts';
import { readRange } from '../../src/lib/range-reader/range-reader.ts';
import { eventBatchSpool } from '../../src/lib/range-reader/window-spool.ts';
import { parseSearchQuery } from '../../src/lib/search-query/parse-search-query.ts';

export interface RangeReadRequest {
  query: AuditLogQuery;
  index: boolean;
  queries: string[];
}

export interface RangeReadResult {
  events: number;
  seconds: number;
  /** Per query: the slowest of match, facets and histogram, median of 5 runs, milliseconds. */
  queries: { q: string; matches: number; ms: number }[];
  /** The index's typed arrays, bytes per event (the dictionaries are on top). */
  columnBytesPerEvent: number;
}

function median(values: number[]) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

function time(work: () => unknown) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const began = performance.now();
    work();
    runs.push(performance.now() - began);
  }
  return median(runs);
}

async function run({ query, index: build, queries }: RangeReadRequest): Promise<RangeReadResult> {
  const began = performance.now();
  const index = new RangeIndex();
  let events = 0;
  const range = viewRange(query, Date.now());
  const batches = readRange({
    fetchPage: createWindowPageFetcher(query),
    range,
    signal: new AbortController().signal,
    spool: eventBatchSpool,
  });
  for await (const batch of batches) {
    events += batch.length;
    if (build) index.addOlder(batch);
  }
  if (build) {
    index.trim();
    markersOf(index);
  }
  const seconds = (performance.now() - began) / 1000;
  if (!build) return { events, seconds, queries: [], columnBytesPerEvent: 0 };
  const all = { from: index.timestamp(index.size - 1), to: index.timestamp(0) + 1 };
  const results = queries.map((q) => {
    const parsed = parseSearchQuery(q).query;
    const rows = matchRows(index, parsed);
    const ms = Math.max(
      time(() => matchRows(index, parsed)),
      time(() => facets(index, rows)),
      time(() => histogram(index, rows, all)),
    );
    return { q, matches: rows.length, ms };
  });
  const { times, ids, flags } = index.columns;
  const columnBytes =
    times.byteLength + flags.byteLength + Object.values(ids).reduce((a, b) => a + b.byteLength, 0);
  return { events, seconds, queries: results, columnBytesPerEvent: columnBytes / index.size };
}

self.onmessage = (event: MessageEvent<RangeReadRequest>) => {
  run(event.data).then(
    (result) => self.postMessage({ result }),
    (error: unknown) => self.postMessage({ error: String(error) }),
  );
};
