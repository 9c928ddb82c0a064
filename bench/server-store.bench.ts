/**
 * `npx tsx bench/server-store.bench.ts` (BENCH_EVENTS=100000 for a quick run): seeds
 * BENCH_EVENTS events for `acme` with the seed CLI into a temporary DATA_DIR, prints the append
 * rate, then times typical list queries through the store (the API's path, warm cache) and
 * compares each with the unfiltered first page. Numbers are printed, not asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PULUMI_PAGE_EVENTS } from '../common/pulumi/api-limits.ts';
import { runSeedCli } from '../server/seed/cli.ts';
import { textTable } from './support/bench-report.ts';
import {
  openAuditStore,
  type AuditStore,
  type EventCursor,
  type EventPageQuery,
} from '../server/store/audit-store.ts';

import { benchEventCounts } from './support/bench-data.ts';

const ORG = 'acme';
const TOP: EventCursor = { timestamp: Number.MAX_SAFE_INTEGER, id: 0 };
const RUNS = 25;
const SCAN_PAGE = 10_000;
const HOUR = 3600;

/** The largest of BENCH_EVENTS (which may list several sizes), one million by default. */
function benchEvents(): number {
  return Math.max(1, ...benchEventCounts('1000000'));
}

/** What the query cases need to know about the data, learnt by paging through all of it. */
interface DataShape {
  total: number;
  /** The cursor halfway down the log (for the deep page). */
  middle: EventCursor;
  newest: number;
  oldest: number;
  busiestUser: string;
  commonEvent: string;
  /** The commonest (user, event) pair. */
  commonPair: [string, string];
  /** The (user, event) pair whose first page scans the most of the user's index entries. */
  sparsePair: [string, string, number];
}

function mostCommon<K>(counts: Map<K, number>): K {
  let best: K | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  if (best === undefined) throw new Error('no events');
  return best;
}

function learnShape(store: AuditStore): DataShape {
  const byUser = new Map<string, number>();
  const byEvent = new Map<string, number>();
  const byPair = new Map<string, Map<string, number>>();
  let before = TOP;
  let total = 0;
  let middle = TOP;
  let newest = 0;
  let oldest = 0;
  const half = Math.floor(store.countEvents(ORG) / 2);
  for (;;) {
    const page = store.listEvents({ org: ORG, before, limit: SCAN_PAGE });
    for (const e of page) {
      if (total === 0) newest = e.timestamp;
      if (total === half) middle = { timestamp: e.timestamp, id: e.id };
      total++;
      oldest = e.timestamp;
      byUser.set(e.userLogin, (byUser.get(e.userLogin) ?? 0) + 1);
      byEvent.set(e.event, (byEvent.get(e.event) ?? 0) + 1);
      const pairs = byPair.get(e.userLogin) ?? new Map<string, number>();
      pairs.set(e.event, (pairs.get(e.event) ?? 0) + 1);
      byPair.set(e.userLogin, pairs);
    }
    const last = page.at(-1);
    if (page.length < SCAN_PAGE || !last) break;
    before = { timestamp: last.timestamp, id: last.id };
  }
  const busiestUser = mostCommon(byUser);
  const pairCounts = new Map<string, number>();
  for (const [user, events] of byPair) {
    for (const [event, count] of events) pairCounts.set(`${user}\u0000${event}`, count);
  }
  const [pairUser = '', pairEvent = ''] = mostCommon(pairCounts).split('\u0000');
  // The worst first page for a user + event filter: the most of that user's entries to scan.
  let sparsePair: [string, string, number] = ['', '', 0];
  let worstSkip = 0;
  for (const [user, events] of byPair) {
    for (const [event, count] of events) {
      const skip = ((byUser.get(user) ?? 0) * Math.min(count, PULUMI_PAGE_EVENTS)) / count;
      if (skip > worstSkip) [worstSkip, sparsePair] = [skip, [user, event, count]];
    }
  }
  return {
    total,
    middle,
    newest,
    oldest,
    busiestUser,
    commonEvent: mostCommon(byEvent),
    commonPair: [pairUser, pairEvent],
    sparsePair,
  };
}

interface Timing {
  name: string;
  detail: string;
  rows: number;
  medianMs: number;
  bestMs: number;
}

function time(store: AuditStore, name: string, detail: string, query: EventPageQuery): Timing {
  let rows = 0;
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const began = performance.now();
    rows = store.listEvents(query).length;
    // The first runs warm the page cache and the statement.
    if (i >= 3) samples.push(performance.now() - began);
  }
  samples.sort((a, b) => a - b);
  return {
    name,
    detail,
    rows,
    medianMs: samples[Math.floor(samples.length / 2)] ?? NaN,
    bestMs: samples[0] ?? NaN,
  };
}

function queryTimings(store: AuditStore, shape: DataShape): Timing[] {
  const limit = PULUMI_PAGE_EVENTS;
  const page = { org: ORG, before: TOP, limit };
  const [pairUser, pairEvent] = shape.commonPair;
  const [sparseUser, sparseEvent, sparseCount] = shape.sparsePair;
  const windowEnd = shape.middle.timestamp;
  return [
    time(store, 'first page, unfiltered', 'baseline', page),
    time(store, 'first page by user', shape.busiestUser, { ...page, userLogin: shape.busiestUser }),
    time(store, 'first page by event', shape.commonEvent, { ...page, event: shape.commonEvent }),
    time(store, 'first page by user+event', `${pairUser} + ${pairEvent}`, {
      ...page,
      userLogin: pairUser,
      event: pairEvent,
    }),
    time(
      store,
      'user+event, sparse',
      `${sparseUser} + ${sparseEvent} (${sparseCount} of the user's events)`,
      {
        ...page,
        userLogin: sparseUser,
        event: sparseEvent,
      },
    ),
    time(store, 'deep page (continuation)', `after event ${Math.floor(shape.total / 2)}`, {
      ...page,
      before: shape.middle,
    }),
    time(store, 'narrow time window', 'one hour, mid-range', {
      ...page,
      before: { timestamp: windowEnd + 1, id: 0 },
      fromTimestamp: windowEnd - HOUR + 1,
    }),
    time(store, 'narrow window by user', `one hour, ${shape.busiestUser}`, {
      ...page,
      userLogin: shape.busiestUser,
      before: { timestamp: windowEnd + 1, id: 0 },
      fromTimestamp: windowEnd - HOUR + 1,
    }),
  ];
}

function formatTable(timings: Timing[]): string {
  const baseline = timings[0]?.medianMs ?? NaN;
  const header = ['query', 'rows', 'median ms', 'best ms', 'vs unfiltered', 'detail'];
  const rows = timings.map((t) => [
    t.name,
    String(t.rows),
    t.medianMs.toFixed(3),
    t.bestMs.toFixed(3),
    `${(t.medianMs / baseline).toFixed(1)}×`,
    t.detail,
  ]);
  return textTable(header, rows);
}

/** Seeds, measures and prints; resolves with the numbers. */
export async function runServerStoreBench() {
  const events = benchEvents();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'server-store-bench-'));
  try {
    const lines: string[] = [];
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    // DEMO_EVENTS=0: the log holds exactly the appended events (plus the demo directory).
    await runSeedCli(
      ['--org', ORG, '--events', String(events), '--days', '365', '--data-dir', dataDir],
      { DEMO_EVENTS: '0' },
      (line) => lines.push(line),
    );
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = (performance.now() - began) / 1000;
    console.info(lines.at(-1) ?? '(the seeder printed nothing)');
    console.info(
      `seed CLI in all: ${seconds.toFixed(2)} s wall, ${(cpu.user / 1e6).toFixed(2)} s user, ${(cpu.system / 1e6).toFixed(2)} s system CPU`,
    );
    const store = openAuditStore(path.join(dataDir, 'audit.db'));
    try {
      const shape = learnShape(store);
      console.info(
        `\n${shape.total.toLocaleString('en-US')} events; page size ${PULUMI_PAGE_EVENTS}; ${RUNS} warm runs each\n`,
      );
      const timings = queryTimings(store, shape);
      console.info(formatTable(timings));
      return { events, appendLine: lines.at(-1), seedSeconds: seconds, timings };
    } finally {
      store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const entryFile = process.argv[1];
if (entryFile && import.meta.url === pathToFileURL(path.resolve(entryFile)).href) {
  await runServerStoreBench();
}
