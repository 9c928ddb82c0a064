/**
 * Where the browser's CPU goes while a method runs (`BENCH_PROFILE=1`): a Chromium trace with
 * V8's sampling profiler on every thread, workers included (they end before a CDP profiler
 * could be stopped in them). Summarised two ways:
 * - CPU per thread: the thread time of each thread's top-level tasks (renderer main thread,
 *   the export worker, the IO thread, the network service…);
 * - JavaScript self time per thread by code group: our modules by file, libraries by package,
 *   V8's own entries such as "(garbage collector)" and "(program)" (native work outside JS).
 * The raw trace is written next to the results; open it in DevTools' Performance panel.
 */
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { resultsPath } from './bench-report.ts';

/**
 * `BENCH_PROFILE=1`: trace each measured run with V8's profiler on every thread (slower, so its
 * figures are not comparable with unprofiled runs). The console's own pages need an unminified
 * build for function names: `npx vite build --minify false` first.
 */
export const PROFILING = Boolean(process.env.BENCH_PROFILE);

const CATEGORIES = [
  '__metadata',
  'toplevel',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

interface TraceEvent {
  pid: number;
  tid: number;
  ph: string;
  name: string;
  cat: string;
  id?: string;
  tdur?: number;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/** Where a function's code lives: a package, one of our files, or V8's own bucket. */
export function codeGroup({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) return functionName || '(native)';
  const pkg = /node_modules\/(?:\.vite\/deps\/)?((?:@[^/]+\/)?[^/?]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const file = /\/((?:src|common|bench)\/[^?]+)/.exec(url);
  // A bundle (the harness is built unminified when profiling): the function's own name.
  return file ? (file[1] as string) : `${functionName || '(anonymous)'}()`;
}

const add = (map: Map<string, number>, key: string, value: number) =>
  map.set(key, (map.get(key) ?? 0) + value);

const top = (map: Map<string, number>, count: number) =>
  [...map]
    .sort(([, a], [, b]) => b - a)
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms: Math.round(ms) }));

/** CPU ms per thread, and JS self ms by code group per thread, from a trace's events. */
export function summariseTrace(events: TraceEvent[]) {
  const threadNames = new Map<string, string>();
  const processNames = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    if (e.name === 'process_name') processNames.set(e.pid, e.args?.name ?? '?');
  }
  const threadOf = (e: TraceEvent) =>
    `${processNames.get(e.pid) ?? e.pid} / ${threadNames.get(`${e.pid}:${e.tid}`) ?? e.tid}`;

  const cpuByThread = new Map<string, number>();
  for (const e of events) {
    if (e.ph === 'X' && e.cat === 'toplevel' && e.tdur)
      add(cpuByThread, threadOf(e), e.tdur / 1000);
  }

  // Profile chunks of one profile (one thread) share an id; nodes arrive incrementally. The
  // chunks are written by V8's profiler thread: the profile's own thread is its `Profile` event's.
  const profiledThread = new Map<string, string>();
  for (const e of events) if (e.name === 'Profile' && e.id) profiledThread.set(e.id, threadOf(e));
  const profiles = new Map<string, { thread: string; nodes: Map<number, ProfileNode> }>();
  const selfByThread = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const thread = profiledThread.get(e.id) ?? threadOf(e);
    const profile = profiles.get(e.id) ?? { thread, nodes: new Map() };
    profiles.set(e.id, profile);
    const data = e.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const groups = selfByThread.get(profile.thread) ?? new Map<string, number>();
    selfByThread.set(profile.thread, groups);
    (data?.cpuProfile?.samples ?? []).forEach((id, i) => {
      const node = profile.nodes.get(id);
      if (node) add(groups, codeGroup(node.callFrame), (data?.timeDeltas?.[i] ?? 0) / 1000);
    });
  }
  for (const groups of selfByThread.values()) groups.delete('(idle)');
  return {
    cpuByThread: top(cpuByThread, 8),
    jsByThread: [...selfByThread]
      .map(([thread, groups]) => ({ thread, top: top(groups, 8) }))
      .filter(({ top: groups }) => groups.some(({ ms }) => ms >= 50)),
  };
}

export type TraceSummary = ReturnType<typeof summariseTrace>;

/**
 * Traces the browser of `page` while `run` runs; writes the trace to the results folder, named
 * after `label` (`trace-<label>-<time>.json.gz`), and resolves with a summary.
 */
export async function traceWhile<T>(
  page: Page,
  label: string,
  run: () => Promise<T>,
): Promise<{ result: T; summary: TraceSummary }> {
  const browser = page.context().browser();
  if (!browser) throw new Error('tracing needs a launched browser, not a persistent context');
  const file = resultsPath(`trace-${label.replace(/\W+/g, '-')}`);
  await browser.startTracing(page, { categories: CATEGORIES });
  let trace: Buffer;
  let result: T;
  try {
    result = await run();
  } finally {
    trace = await browser.stopTracing();
    writeFileSync(`${file}.json.gz`, gzipSync(trace));
  }
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  return { result, summary: summariseTrace(traceEvents) };
}

/** The summary as indented lines for the console. */
export function formatTraceSummary(method: string, summary: TraceSummary): string {
  const list = (rows: { name: string; ms: number }[]) =>
    rows.map(({ name, ms }) => `${name} ${ms}`).join(', ');
  return [
    `  ${method}: CPU ms by thread: ${list(summary.cpuByThread)}`,
    ...summary.jsByThread.map(
      ({ thread, top: groups }) => `    JS self ms on ${thread}: ${list(groups)}`,
    ),
  ].join('\n');
}
