/**
 * `npm run bench:export` (BENCH_EVENTS=100000 for a quick run): seeds BENCH_EVENTS events, starts
 * the server on them, and in headless Chromium exports the whole range three ways: the console's
 * worker export (through the real ExportButton), papaparse on the main thread, and the server's
 * streaming export. Prints a table, checks the worker's file against the server's bytes, and
 * writes everything to bench/results/. Numbers are printed, not asserted.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { benchEventCount, startBenchServer } from './support/bench-data.ts';
import { formatTable, machineInfo, writeResults } from './support/bench-report.ts';
import { installLongTaskObserver } from './support/browser-probes.ts';
import {
  mainThreadExport,
  measure,
  serverStreamExport,
  workerExport,
  type MethodResult,
  type MethodRun,
} from './support/export-methods.ts';
import { buildHarness, HARNESS_BASE, serveHarness } from './support/harness.ts';

const EXPORT_PATH = '/api/orgs/acme/auditlogs/v2/export?format=csv';

async function signedInContext(
  browser: Browser,
  baseURL: string,
  token: string,
  harnessDir: string,
) {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  await serveHarness(context, baseURL, harnessDir);
  await installLongTaskObserver(context);
  const session = await context.request.post('/console/session', {
    data: { token },
    headers: { Origin: baseURL },
  });
  if (!session.ok()) throw new Error(`sign-in failed: ${session.status()}`);
  return context;
}

async function runMethods(context: BrowserContext, events: number): Promise<MethodResult[]> {
  const methods: [string, (page: Page) => Promise<MethodRun>][] = [
    ['worker export (ours)', workerExport],
    ['server stream export', (page) => serverStreamExport(page, EXPORT_PATH, events)],
    // Last: holding every event at once may exhaust the tab.
    ['main-thread papaparse', (page) => mainThreadExport(page, { org: 'acme' })],
  ];
  const results: MethodResult[] = [];
  for (const [name, run] of methods) {
    // A fresh page per method, so no heap or long task carries over.
    const page = await context.newPage();
    await page.goto(`${HARNESS_BASE}index.html?org=acme`);
    results.push(await measure(page, name, () => run(page)));
    await page.close();
  }
  return results;
}

async function serverExportSha256(baseURL: string, token: string): Promise<string> {
  const response = await fetch(baseURL + EXPORT_PATH, {
    headers: { Authorization: `token ${token}` },
  });
  return createHash('sha256')
    .update(Buffer.from(await response.arrayBuffer()))
    .digest('hex');
}

/** Runs the export benchmark; resolves with its report (also printed and written to disk). */
export async function runExportBench() {
  const events = benchEventCount();
  console.info(
    `export bench: ${events.toLocaleString('en-US')} events; building the harness, seeding…`,
  );
  const harnessDir = await buildHarness();
  const server = await startBenchServer(events);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    // The reference bytes, read first: this also warms the server (SQLite cache, JIT) so the
    // first method measured is not the one that pays for a cold start.
    const serverSha256 = await serverExportSha256(server.baseURL, server.adminToken);
    const context = await signedInContext(browser, server.baseURL, server.adminToken, harnessDir);
    const results = await runMethods(context, events);
    const report = {
      events,
      seedSeconds: server.seedSeconds,
      machine: machineInfo(browser.version()),
      workerFileEqualsServerExport: results[0]?.sha256 === serverSha256,
      results,
    };
    console.info(`\n${formatTable(results)}\n`);
    console.info(
      `worker file byte-identical to the server export: ${report.workerFileEqualsServerExport}`,
    );
    console.info(JSON.stringify(report, null, 2));
    console.info(`written to ${writeResults('export', report)}`);
    return report;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runExportBench();
