/**
 * The console's own DOWNLOAD in the export benchmark, as an admin meets it: the built log page
 * (dist/), not the harness. Pulumi-like, over HTTP/1.1 straight to the server and over HTTP/2
 * through the HTTPS front, each method in a fresh signed-in context (nothing kept in IndexedDB):
 * - open the log, then DOWNLOAD at once: go to the log page, wait only until DOWNLOAD is
 *   enabled, press it; timed from the navigation to the file saved. The console reads the range
 *   for its index as it opens; DOWNLOAD should join that read, not read the range again.
 * - DOWNLOAD once the range is kept: wait until the page says the range is kept in this browser,
 *   then press DOWNLOAD; timed from the click to the file saved. It should ask the API nothing.
 * Every list request the browser sends (workers' included) is counted, before and after the click.
 */
import type { Browser, Page } from '@playwright/test';
import { buildIfStale } from '../../scripts/build-if-stale.ts';
import { startBenchServer } from './bench-data.ts';
import { formatBrowserCpu, formatTable } from './bench-report.ts';
import { formatConsoleSummary, formatConsoleTable, type ConsoleResult } from './console-report.ts';
import {
  clickDownload,
  downloadButton,
  measure,
  METHOD_TIMEOUT_MS,
  serverExportSha256,
  signedInContext,
  type BenchServer,
  type MethodRun,
} from './export-methods.ts';
import { startH2Front } from './h2-front.ts';
import { sixConnectionsFloor } from './six-connections.ts';
import { listRequestTally, rateLimitBoundSeconds } from './list-requests.ts';
import { formatTraceSummary, PROFILING, traceWhile } from './trace-profile.ts';

/** The log page an admin opens: the whole log, as the server's export has it. */
export const LOG_PAGE = '/orgs/acme/audit-logs';

/** The service the console runs against: its events, page size, rate limit and switches. */
export interface PulumiLikeSetting {
  events: number;
  pageSize: number;
  rateLimit: number;
  env: Record<string, string>;
}

type Tally = ReturnType<typeof listRequestTally>;

interface ConsoleMethod {
  name: string;
  /**
   * What happens on the fresh page before the measurement (counted, not in the method's time);
   * resolves with the seconds the console took to read the range, when that is what it waits for.
   */
  prepare?: (page: Page) => Promise<number | void>;
  /** What is timed; it marks the click on `tally` just before pressing DOWNLOAD. */
  run: (page: Page, tally: Tally) => Promise<MethodRun>;
}

const openThenDownload: ConsoleMethod = {
  name: 'console: open the log, DOWNLOAD at once',
  async run(page, tally) {
    const started = performance.now();
    tally.start(started);
    await page.goto(LOG_PAGE);
    // The actionability checks alone (attached, visible, enabled): when an admin could press it.
    await downloadButton(page).click({ trial: true, timeout: METHOD_TIMEOUT_MS });
    tally.click();
    const { savedMs, events, bytes, sha256 } = await clickDownload(page);
    return { seconds: (savedMs - started) / 1000, events, bytes, sha256 };
  },
};

const downloadWhenKept: ConsoleMethod = {
  name: 'console: DOWNLOAD once the range is kept',
  async prepare(page) {
    const started = performance.now();
    await page.goto(LOG_PAGE);
    await page.getByText(/kept in this browser/).waitFor({ timeout: METHOD_TIMEOUT_MS });
    return (performance.now() - started) / 1000;
  },
  async run(page, tally) {
    tally.click();
    const { clickedMs, savedMs, events, bytes, sha256 } = await clickDownload(page);
    return { seconds: (savedMs - clickedMs) / 1000, events, bytes, sha256 };
  },
};

const CONSOLE_METHODS = [openThenDownload, downloadWhenKept];

/** The rate limit's bucket holds one second of requests: a pause refills it for the next run. */
const RATE_LIMIT_REFILL_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `method` in a fresh signed-in context on `server`; its file is checked against `sha256`. */
async function runConsoleMethod(
  browser: Browser,
  server: BenchServer,
  token: string,
  method: ConsoleMethod,
  sha256: string,
): Promise<ConsoleResult> {
  await sleep(RATE_LIMIT_REFILL_MS);
  const context = await signedInContext(browser, server.baseURL, token);
  try {
    const page = await context.newPage();
    const tally = listRequestTally();
    page.on('request', (request) => tally.seen(request.method(), request.url()));
    page.on('response', (response) => tally.answered(response.request().method(), response.url()));
    // A failed preparation is reported as the method's failure, so the other rows still run.
    let readSeconds: number | undefined;
    const unprepared = await method.prepare?.(page).then(
      (seconds) => void (readSeconds = seconds ?? undefined),
      (failure: unknown) => failure,
    );
    const run = unprepared ? () => Promise.reject(unprepared) : () => method.run(page, tally);
    const measured = () => measure(page, method.name, run, server);
    const result = PROFILING ? await traced(page, method.name, measured) : await measured();
    return { ...result, ...tally.counts(), readSeconds, exact: result.sha256 === sha256 };
  } finally {
    await context.close();
  }
}

/** `measured` under a trace, whose summary is printed (`BENCH_PROFILE=1`). */
async function traced<T>(page: Page, name: string, measured: () => Promise<T>): Promise<T> {
  const { result, summary } = await traceWhile(page, name, measured);
  console.info(formatTraceSummary(name, summary));
  return result;
}

/**
 * The console path, Pulumi-like, over HTTP/1.1 then HTTP/2 on one seeded server; prints each
 * protocol's tables and resolves with their scenarios for the report.
 */
export async function runConsoleExport(
  browser: Browser,
  setting: PulumiLikeSetting,
  exportPath: string,
) {
  const { events, env, pageSize, rateLimit } = setting;
  const boundSeconds = rateLimitBoundSeconds(events, pageSize, rateLimit);
  await buildIfStale();
  const server = await startBenchServer(events, env);
  const scenarios = [];
  try {
    const sha256 = await serverExportSha256(server.baseURL, exportPath, server.adminToken);
    const floor = await sixConnectionsFloor(server.baseURL, server.adminToken, 'acme', {
      pages: Math.ceil(events / pageSize),
      pageSize,
    });
    console.info(
      `six keep-alive HTTP/1.1 connections from Node, no browser: ${floor.pages} pages in ` +
        `${floor.seconds.toFixed(2)} s, ${floor.answersPerSecond.toFixed(1)} answers a second ` +
        `(${(floor.seconds / boundSeconds).toFixed(2)}× the bound; ${floor.refused} refused)`,
    );
    for (const overHttp2 of [false, true]) {
      const front = overHttp2 ? await startH2Front(server.baseURL) : undefined;
      const browserSide = { pid: server.pid, baseURL: front?.url ?? server.baseURL };
      try {
        const results: ConsoleResult[] = [];
        for (const method of CONSOLE_METHODS) {
          results.push(
            await runConsoleMethod(browser, browserSide, server.adminToken, method, sha256),
          );
        }
        const [atOnce, whenKept] = results;
        const protocol = overHttp2 ? 'HTTP/2 through an HTTPS front' : 'HTTP/1.1';
        console.info(
          `\nthe console, Pulumi-like over ${protocol} (${JSON.stringify(env)}), ` +
            `${events.toLocaleString('en-US')} events\n${formatTable(results)}\n` +
            `${formatBrowserCpu(results)}\n${formatConsoleTable(results, boundSeconds)}`,
        );
        console.info(formatConsoleSummary(atOnce, whenKept, boundSeconds));
        scenarios.push({
          name: overHttp2 ? 'console, pulumi-like over http2' : 'console, pulumi-like',
          events,
          env,
          seedSeconds: server.seedSeconds,
          boundSeconds,
          ...(overHttp2 ? {} : { sixConnections: floor }),
          exact: results.every((r) => r.exact),
          results,
        });
      } finally {
        await front?.close();
      }
    }
  } finally {
    await server.stop();
  }
  return scenarios;
}
