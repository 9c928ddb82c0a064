/**
 * `npm run bench:index` (BENCH_EVENTS=100000 for a quick run): builds the range index from
 * BENCH_EVENTS demo events (the seeder's generator, as the JSON of pages of 10,000 as the API
 * sends them), measures its memory per event (heap and typed arrays, after `global.gc`; run
 * Node with `--expose-gc`), and times queries, facets and histograms over all of it. Reading
 * the pages and indexing them is compared with reading them alone (JSON.parse, the least any
 * reader does), as a worker does it: page by page, each dropped once indexed. Numbers are
 * printed, not asserted.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LARGEST_PAGE_SIZE } from '../common/pulumi/api-limits.ts';
import type { AuditLogEvent, AuditLogPage } from '../common/pulumi/wire-types.ts';
import { defaultAvatarPath } from '../server/api/event-json.ts';
import { DEMO_PEOPLE } from '../server/seed/demo-people.ts';
import { generateAuditEvents } from '../server/seed/event-generator.ts';
import { buildOrgProfile } from '../server/seed/org-profiles.ts';
import { parseSearchQuery } from '../src/lib/search-query/parse-search-query.ts';
import { facets } from '../src/lib/range-index/facets.ts';
import { histogram } from '../src/lib/range-index/histogram.ts';
import { markersOf } from '../src/lib/range-index/markers.ts';
import { matchRows } from '../src/lib/range-index/match-rows.ts';
import { RangeIndex } from '../src/lib/range-index/range-index.ts';
import { INDEX_BENCH_QUERIES } from './support/index-queries.ts';
import { textTable, writeResults } from './support/bench-report.ts';
import { benchEventCounts } from './support/bench-data.ts';

const RUNS = 7;
const DAYS = 365;
const END = Date.UTC(2026, 10, 1) / 1000;
const START = END - DAYS * 86400;

/** The demo log as the JSON text of API pages, newest first. */
function demoPages(count: number): string[] {
  const names = new Map(DEMO_PEOPLE.map((p) => [p.login, p.name]));
  const all: AuditLogEvent[] = [];
  const options = { count, seed: 7, start: START, end: END };
  for (const e of generateAuditEvents(buildOrgProfile('acme'), options)) {
    const event: AuditLogEvent = {
      timestamp: e.timestamp,
      sourceIP: e.sourceIP,
      event: e.event,
      description: e.description,
      user: {
        name: names.get(e.userLogin) ?? e.userLogin,
        githubLogin: e.userLogin,
        avatarUrl: `http://127.0.0.1:8080${defaultAvatarPath(e.userLogin)}`,
      },
    };
    for (const key of ['tokenID', 'tokenName', 'actorName', 'actorUrn'] as const) {
      if (e[key]) event[key] = e[key];
    }
    if (e.reqOrgAdmin) event.reqOrgAdmin = true;
    if (e.reqStackAdmin) event.reqStackAdmin = true;
    if (e.authFailure) event.authFailure = true;
    all.push(event);
  }
  // The API's order: newest first, ties by insertion order reversed (the store's id).
  all.sort((a, b) => a.timestamp - b.timestamp).reverse();
  const pages: string[] = [];
  for (let i = 0; i < all.length; i += LARGEST_PAGE_SIZE) {
    pages.push(JSON.stringify({ auditLogEvents: all.slice(i, i + LARGEST_PAGE_SIZE) }));
  }
  return pages;
}

function memory(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(work: () => unknown, runCount = RUNS): number {
  const runs: number[] = [];
  for (let i = 0; i < runCount; i++) {
    const began = performance.now();
    work();
    runs.push(performance.now() - began);
  }
  return median(runs);
}

export async function runRangeIndexBench() {
  const events = Math.max(1, ...benchEventCounts('1000000'));
  if (!globalThis.gc) console.warn('run with node --expose-gc for memory figures');
  const json = demoPages(events);
  const parseMs = time(() => json.forEach((text) => JSON.parse(text)), 3);
  const before = memory();
  const began = performance.now();
  const index = new RangeIndex();
  for (const text of json) index.addOlder((JSON.parse(text) as AuditLogPage).auditLogEvents);
  index.trim();
  const buildMs = performance.now() - began;
  const bytes = memory() - before;
  // The pages are read; drop them so the queries run on a heap holding the index alone.
  json.length = 0;
  memory();
  const markersMs = time(() => markersOf(Object.assign(index, { version: index.version + 1 })));
  const d = index.dictionaries;
  console.info(
    `${index.size.toLocaleString('en-US')} events, ${DAYS} days; dictionaries: ${d.user.size} users, ` +
      `${d.event.size} events, ${d.description.size.toLocaleString('en-US')} descriptions, ` +
      `${d.ip.size} addresses, ${d.token.size} tokens, ${d.actor.size} actors`,
  );
  const perEvent = globalThis.gc ? (bytes / index.size).toFixed(1) : '—';
  console.info(
    `read and index ${buildMs.toFixed(0)} ms; read alone (JSON.parse) ${parseMs.toFixed(0)} ms, ` +
      `${(buildMs / parseMs).toFixed(2)}×; memory ${perEvent} bytes/event; markers ${markersMs.toFixed(0)} ms`,
  );
  const all = { from: START, to: END + 1 };
  const rows = INDEX_BENCH_QUERIES.map((q) => {
    const query = parseSearchQuery(q).query;
    markersOf(index);
    const matches = matchRows(index, query);
    return {
      query: q,
      matches: matches.length,
      matchMs: time(() => matchRows(index, query)),
      facetsMs: time(() => facets(index, matchRows(index, query))),
      histogramMs: time(() => histogram(index, matchRows(index, query), all)),
    };
  });
  console.info(`\nmedian of ${RUNS} runs, ms (facets and histogram include the match)`);
  const cells = rows.map((r) => [
    r.query,
    r.matches.toLocaleString('en-US'),
    ...[r.matchMs, r.facetsMs, r.histogramMs].map((ms) => ms.toFixed(1)),
  ]);
  console.info(textTable(['query', 'matches', 'match', 'facets', 'histogram'], cells));
  const report = {
    events: index.size,
    buildMs,
    parseMs,
    bytesPerEvent: bytes / index.size,
    markersMs,
    rows,
  };
  console.info(`results: ${writeResults('range-index', report)}`);
  return report;
}

const entryFile = process.argv[1];
if (entryFile && import.meta.url === pathToFileURL(path.resolve(entryFile)).href) {
  await runRangeIndexBench();
}
