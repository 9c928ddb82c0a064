/**
 * `npx tsx bench/load.bench.ts`: the server under load, as a load generator would see it. A
 * server with 100,000 events (BENCH_LOAD_EVENTS) answers, in turn:
 * - `/healthz` with 50 connections (the baseline: the HTTP stack alone),
 * - the V2 list (first page of 100, signed in) with 50 connections for 30 s (BENCH_LOAD_SECONDS),
 * - the same list load again while two full exports stream the whole time (each started again
 *   when it ends), and the ratio of the list's p99 then to its p99 alone (aim: at most 3×),
 * - 5 concurrent full exports of the whole log.
 * It prints req/s, p50/p99 latency, errors and the server's RSS before and after each run.
 * Numbers are printed, not asserted.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { rawGet } from '../server/testing/raw-get.ts';
import { startBenchServer } from './support/bench-data.ts';
import { writeResults } from './support/bench-report.ts';

const CONNECTIONS = 50;
const EXPORTS = 5;
/** Exports streaming beside the list load (the probe of issue 21 measured two). */
const BACKGROUND_EXPORTS = 2;
const MB = 1024 * 1024;

function positiveInteger(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer`);
  return value;
}

/** The server's resident set size in MB, from /proc (Linux). */
function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}

interface LoadRow {
  run: string;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  rssBeforeMb: number;
  rssAfterMb: number;
}

async function cannon(url: string, seconds: number, headers: Record<string, string>) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Runs `EXPORTS` full exports at once; latency is per export, "requests/s" exports per second. */
async function concurrentExports(url: string, headers: Record<string, string>) {
  const started = performance.now();
  const runs = await Promise.all(
    Array.from({ length: EXPORTS }, async () => {
      const t = performance.now();
      try {
        const answer = await rawGet(url, headers);
        return { ms: performance.now() - t, ok: answer.status === 200, bytes: answer.body.length };
      } catch {
        return { ms: performance.now() - t, ok: false, bytes: 0 };
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return {
    requests: runs.length,
    reqPerSec: runs.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: times.at(-1) ?? NaN,
    errors: runs.filter((r) => !r.ok).length,
    gzipMbEach: (runs[0]?.bytes ?? 0) / MB,
  };
}

/**
 * Keeps `count` full exports streaming until `stop` resolves (each started again when it ends);
 * resolves with how many finished and how long they took.
 */
async function exportsStreamingUntil(
  url: string,
  headers: Record<string, string>,
  stop: Promise<unknown>,
) {
  let stopped = false;
  // However the measured run ends, failed included, the exports stop with it.
  const halt = () => (stopped = true);
  void stop.then(halt, halt);
  const finished: number[] = [];
  let failed = 0;
  await Promise.all(
    Array.from({ length: BACKGROUND_EXPORTS }, async () => {
      while (!stopped) {
        const t = performance.now();
        const answer = await rawGet(url, headers).catch(() => undefined);
        if (answer?.status === 200) finished.push(performance.now() - t);
        else failed++;
      }
    }),
  );
  return { finished, failed };
}

function formatTable(rows: LoadRow[]): string {
  const header = [
    'run',
    'requests',
    'req/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'errors',
    'RSS before MB',
    'RSS after MB',
  ];
  const cells = rows.map((r) => [
    r.run,
    r.requests.toLocaleString('en-US'),
    r.reqPerSec.toFixed(r.reqPerSec < 10 ? 2 : 0),
    r.p50Ms.toFixed(0),
    r.p99Ms.toFixed(0),
    r.maxMs.toFixed(0),
    String(r.errors),
    r.rssBeforeMb.toFixed(0),
    r.rssAfterMb.toFixed(0),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Runs the load benchmark; resolves with its report (also printed and written to disk). */
export async function runLoadBench() {
  const events = positiveInteger('BENCH_LOAD_EVENTS', 100_000);
  const seconds = positiveInteger('BENCH_LOAD_SECONDS', 30);
  console.info(
    `load bench: ${events.toLocaleString('en-US')} events, ${CONNECTIONS} connections, ${seconds} s`,
  );
  const loadAtStart = loadavg();
  const server = await startBenchServer(events);
  const auth = { authorization: `token ${server.adminToken}` };
  const rows: LoadRow[] = [];
  const measure = async (
    run: string,
    work: () => Promise<Omit<LoadRow, 'run' | 'rssBeforeMb' | 'rssAfterMb'>>,
  ) => {
    const rssBeforeMb = rssMb(server.pid);
    const result = await work();
    rows.push({ run, ...result, rssBeforeMb, rssAfterMb: rssMb(server.pid) });
    return result;
  };
  try {
    const list = `${server.baseURL}/api/orgs/acme/auditlogs/v2`;
    // Warm-up: the JIT and SQLite's page cache, so the baseline is not paying for a cold start.
    await cannon(list, 2, auth);
    await measure('GET /healthz (baseline)', () =>
      cannon(`${server.baseURL}/healthz`, Math.min(seconds, 10), {}),
    );
    const alone = await measure('GET V2 list, page of 100', () => cannon(list, seconds, auth));
    let exportsBeside: Awaited<ReturnType<typeof exportsStreamingUntil>> | undefined;
    const withExports = await measure(
      `GET V2 list, ${BACKGROUND_EXPORTS} full exports streaming`,
      async () => {
        const listRun = cannon(list, seconds, auth);
        const background = exportsStreamingUntil(
          `${list}/export`,
          { ...auth, 'accept-encoding': 'gzip' },
          listRun,
        );
        const result = await listRun;
        exportsBeside = await background;
        return result;
      },
    );
    const exports = await measure(`${EXPORTS} concurrent full exports`, () =>
      concurrentExports(`${list}/export`, { ...auth, 'accept-encoding': 'gzip' }),
    );
    const [baseline, listRow] = rows;
    const report = {
      events,
      seconds,
      connections: CONNECTIONS,
      machine: {
        cores: availableParallelism(),
        cpu: cpus()[0]?.model,
        node: process.version,
        loadavgAtStart: loadAtStart,
        loadavgAtEnd: loadavg(),
      },
      listVsBaseline: listRow && baseline ? listRow.reqPerSec / baseline.reqPerSec : NaN,
      listP99AloneMs: alone.p99Ms,
      listP99WithExportsMs: withExports.p99Ms,
      /** The aim of issue 21: at most 3. */
      listP99Ratio: withExports.p99Ms / alone.p99Ms,
      listP50Ratio: withExports.p50Ms / alone.p50Ms,
      listThroughputKept: withExports.reqPerSec / alone.reqPerSec,
      exportsBesideList: exportsBeside && {
        finished: exportsBeside.finished.length,
        failed: exportsBeside.failed,
        secondsEach: exportsBeside.finished.map((ms) => Math.round(ms) / 1000),
      },
      exportGzipMbEach: 'gzipMbEach' in exports ? exports.gzipMbEach : undefined,
      rows,
    };
    console.info(`\n${formatTable(rows)}\n`);
    console.info(
      `list req/s vs /healthz: ${report.listVsBaseline.toFixed(2)}×; load average at start ${loadAtStart
        .map((n) => n.toFixed(1))
        .join(' ')}, at end ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
    console.info(
      `list p99 alone ${alone.p99Ms.toFixed(0)} ms, with ${BACKGROUND_EXPORTS} exports streaming ${withExports.p99Ms.toFixed(0)} ms: ${report.listP99Ratio.toFixed(2)}× (aim ≤ 3×); p50 ${report.listP50Ratio.toFixed(2)}×, req/s kept ${(report.listThroughputKept * 100).toFixed(0)}%; exports beside it: ${report.exportsBesideList?.finished ?? 0} finished, ${report.exportsBesideList?.failed ?? 0} failed, ${report.exportsBesideList?.secondsEach.join(', ') ?? ''} s`,
    );
    console.info(`written to ${writeResults('load', report)}`);
    return report;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runLoadBench();
