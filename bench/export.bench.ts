/**
 * `npm run bench:export`: exports a whole view in headless Chromium and prints the methods side
 * by side, in one run, in two settings:
 *
 * - local: BENCH_EVENTS events (default 100,000 and 1,000,000; `BENCH_EVENTS=100000` for a
 *   quick run) on the embedded service: DOWNLOAD (the range reader), the single chain it
 *   replaced, and the server's own streaming export (the floor). Aim: DOWNLOAD within 1.3× the
 *   server stream.
 * - Pulumi-like: 20,000 events behind `MAX_PAGE_SIZE=100`, `FAULTS=delay:150-150` and
 *   `RATE_LIMIT=40`: DOWNLOAD against the single chain. Aim: at least 80% of the rate limit's
 *   bound (events / (100 × 40/s) = 5 s) and at least 5× the single chain.
 *
 * - the console itself (support/console-export.ts): the log page, Pulumi-like, opened and
 *   DOWNLOAD pressed at once, and DOWNLOAD once the range is kept, with list requests counted
 *   before and after the click. Aim: at once within 1.25× the bound over HTTP/1.1; none after
 *   the click once kept.
 *
 * `BENCH_ONLY=console` runs only the console's path, `BENCH_ONLY=harness` all but it.
 * Each file is checked against the server's export bytes. Numbers are printed, not asserted;
 * everything also goes to bench/results/.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { PULUMI_PAGE_EVENTS } from '../common/pulumi/api-limits.ts';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { benchEventCounts, startBenchServer } from './support/bench-data.ts';
import { exportBenchParts } from './support/bench-only.ts';
import {
  formatBrowserCpu,
  formatTable,
  machineInfo,
  writeResults,
} from './support/bench-report.ts';
import {
  formatTraceSummary,
  PROFILING,
  traceWhile,
  type TraceSummary,
} from './support/trace-profile.ts';
import { bareChromiumRun } from './support/bare-chromium.ts';
import { runConsoleExport } from './support/console-export.ts';
import {
  measure,
  serverExportSha256,
  serverStreamExport,
  signedInContext,
  singleChainExport,
  workerExport,
  type MethodResult,
  type MethodRun,
} from './support/export-methods.ts';
import { startH2Front } from './support/h2-front.ts';
import { rateLimitBoundSeconds } from './support/list-requests.ts';
import { buildHarness, HARNESS_BASE, harnessRootOf } from './support/harness.ts';

const HARNESS_INDEX = `${HARNESS_BASE}index.html`;
const EXPORT_PATH = '/api/orgs/acme/auditlogs/v2/export?format=csv';
const PULUMI_LIKE = {
  events: 20_000,
  pageSize: PULUMI_PAGE_EVENTS,
  rateLimit: 40,
  env: { MAX_PAGE_SIZE: String(PULUMI_PAGE_EVENTS), FAULTS: 'delay:150-150', RATE_LIMIT: '40' },
};

/** A method run in a Playwright page, or by the harness itself in a Chromium with no driver. */
type Method = [string, (page: Page) => Promise<MethodRun>] | [string, 'bare', Autorun];
type Autorun = 'download' | 'single-chain';

const ourExport: Method = ['DOWNLOAD (range reader)', workerExport];
const singleChain: Method = [
  'single chain (before)',
  (page) => singleChainExport(page, { org: 'acme' }),
];
const ourExportBare: Method = ['DOWNLOAD, no driver attached', 'bare', 'download'];
const singleChainBare: Method = ['single chain, no driver attached', 'bare', 'single-chain'];

/** Seeds, starts a server with `env`, and runs each method in a fresh signed-in page. */
async function runScenario(
  browser: Browser,
  harnessDir: string,
  events: number,
  env: Record<string, string>,
  methods: Method[],
  { overHttp2 = false } = {},
) {
  // The server hosts the harness: no Playwright route, so no request waits for the driver.
  const server = await startBenchServer(events, env, harnessRootOf(harnessDir));
  const front = overHttp2 ? await startH2Front(server.baseURL) : undefined;
  // What the browser talks to: the server, or the HTTPS front before it.
  const browserSide = { ...server, baseURL: front?.url ?? server.baseURL };
  try {
    // Read first: the reference bytes, and a warm server (SQLite cache, JIT) for every method.
    const sha256 = await serverExportSha256(server.baseURL, EXPORT_PATH, server.adminToken);
    const context = await signedInContext(browser, browserSide.baseURL, server.adminToken);
    const results: MethodResult[] = [];
    const profiles: { method: string; summary: TraceSummary }[] = [];
    for (const [name, run, autorun] of methods) {
      if (run === 'bare') {
        results.push(await bareChromiumRun(name, autorun, browserSide, HARNESS_INDEX));
        continue;
      }
      const page = await context.newPage();
      await page.goto(`${HARNESS_INDEX}?org=acme`);
      const measured = () => measure(page, name, () => run(page), browserSide);
      if (PROFILING) {
        const { result, summary } = await traceWhile(page, `${events}-${name}`, measured);
        results.push(result);
        profiles.push({ method: name, summary });
      } else {
        results.push(await measured());
      }
      await page.close();
    }
    await context.close();
    const exact = results.filter((r) => r.sha256).every((r) => r.sha256 === sha256);
    return { events, env, seedSeconds: server.seedSeconds, exact, results, profiles };
  } finally {
    await front?.close();
    await server.stop();
  }
}

const formatProfiles = (profiles: { method: string; summary: TraceSummary }[]) =>
  profiles.map(({ method, summary }) => `\n${formatTraceSummary(method, summary)}`).join('');

const ratio = (a?: number, b?: number) => (a && b ? a / b : NaN);

/** The Pulumi-like run, over HTTP/1.1 straight to the server or over HTTP/2 through a front. */
async function runPulumiLike(browser: Browser, harnessDir: string, overHttp2: boolean) {
  const { events, env, pageSize, rateLimit } = PULUMI_LIKE;
  const methods = [ourExport, singleChain, ourExportBare, singleChainBare];
  const scenario = await runScenario(browser, harnessDir, events, env, methods, { overHttp2 });
  const [ours, chain, oursBare, chainBare] = scenario.results;
  const boundSeconds = rateLimitBoundSeconds(events, pageSize, rateLimit);
  const ofBound = ratio(boundSeconds, ours?.seconds);
  const speedup = ratio(chain?.seconds, ours?.seconds);
  const bareOfBound = ratio(boundSeconds, oursBare?.seconds);
  const bareSpeedup = ratio(chainBare?.seconds, oursBare?.seconds);
  const protocol = overHttp2 ? 'HTTP/2 through an HTTPS front' : 'HTTP/1.1';
  console.info(
    `\nPulumi-like over ${protocol} (${JSON.stringify(env)}), ${events.toLocaleString('en-US')} events\n${formatTable(scenario.results)}\n${formatBrowserCpu(scenario.results)}${formatProfiles(scenario.profiles)}`,
  );
  console.info(
    `DOWNLOAD: ${(ofBound * 100).toFixed(0)}% of the rate-limit bound of ${boundSeconds} s (aim ≥ 80%), ` +
      `${speedup.toFixed(1)}× the single chain (aim ≥ 5×); with no driver attached ` +
      `${(bareOfBound * 100).toFixed(0)}% and ${bareSpeedup.toFixed(1)}×; files exact: ${scenario.exact}`,
  );
  const name = overHttp2 ? 'pulumi-like over http2' : 'pulumi-like';
  return { name, ...scenario, boundSeconds, ofBound, speedup, bareOfBound, bareSpeedup };
}

/** Runs the export benchmark; resolves with its report (also printed and written to disk). */
export async function runExportBench() {
  const parts = exportBenchParts(process.env.BENCH_ONLY);
  const sizes = parts.has('harness') ? benchEventCounts('100000,1000000') : [];
  console.info(
    `export bench: ${[...parts].join(' and ')}; local ${sizes.join(', ') || 'none'}; building…`,
  );
  const browser = await chromium.launch(chromiumLaunchOptions());
  const machine = machineInfo(browser.version());
  const scenarios = [];
  try {
    if (parts.has('harness')) scenarios.push(...(await runHarnessScenarios(browser, sizes)));
    if (parts.has('console')) {
      scenarios.push(...(await runConsoleExport(browser, PULUMI_LIKE, EXPORT_PATH)));
    }
  } finally {
    await browser.close();
  }
  const report = { machine: { ...machine, loadAverageAtEnd: loadavg() }, scenarios };
  console.info(`written to ${writeResults('export', report)}`);
  return report;
}

/** The methods run in the harness page: locally at each of `sizes`, then Pulumi-like. */
async function runHarnessScenarios(browser: Browser, sizes: number[]) {
  const harnessDir = await buildHarness();
  const scenarios = [];
  for (const events of sizes) {
    const methods: Method[] = [
      ourExport,
      singleChain,
      ['server stream export', (page) => serverStreamExport(page, EXPORT_PATH, events)],
      ourExportBare,
      singleChainBare,
    ];
    const scenario = await runScenario(browser, harnessDir, events, {}, methods);
    const [ours, , stream, oursBare] = scenario.results;
    const vsStream = ratio(ours?.seconds, stream?.seconds);
    const bareVsStream = ratio(oursBare?.seconds, stream?.seconds);
    console.info(
      `\nlocal, ${events.toLocaleString('en-US')} events\n${formatTable(scenario.results)}\n${formatBrowserCpu(scenario.results)}${formatProfiles(scenario.profiles)}`,
    );
    console.info(
      `DOWNLOAD / server stream: ${vsStream.toFixed(2)}×, with no driver attached ` +
        `${bareVsStream.toFixed(2)}× (aim ≤ 1.30×); files exact: ${scenario.exact}`,
    );
    scenarios.push({ name: `local ${events}`, ...scenario, vsStream, bareVsStream });
  }
  for (const overHttp2 of [false, true]) {
    scenarios.push(await runPulumiLike(browser, harnessDir, overHttp2));
  }
  return scenarios;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runExportBench();
