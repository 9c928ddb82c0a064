/**
 * `npm run bench:index-load`: the console's range index in headless Chromium, on the embedded
 * service with BENCH_EVENTS events (default 100,000; `BENCH_EVENTS=1000000` for the aim's
 * size). In one run, in a worker each: the range reader reading the whole log and dropping it
 * (the baseline), then the same read filling the index, then queries, facets and histograms
 * over all of it. Aims: indexing within 1.2× the read alone; any query under 100 ms.
 * Numbers are printed, not asserted; they also go to bench/results/.
 */
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import type { RangeReadRequest, RangeReadResult } from './harness/range-read.worker.ts';
import { benchEventCounts, startBenchServer } from './support/bench-data.ts';
import { INDEX_BENCH_QUERIES } from './support/index-queries.ts';
import { machineInfo, textTable, writeResults } from './support/bench-report.ts';
import { buildHarness, HARNESS_BASE, serveHarness } from './support/harness.ts';

declare global {
  interface Window {
    rangeRead(request: RangeReadRequest): Promise<RangeReadResult>;
  }
}

export async function runIndexLoadBench() {
  const harnessDir = await buildHarness();
  const browser = await chromium.launch(chromiumLaunchOptions());
  const report: unknown[] = [];
  try {
    for (const events of benchEventCounts('100000')) {
      const server = await startBenchServer(events, {});
      try {
        const context = await browser.newContext({ baseURL: server.baseURL });
        await serveHarness(context, server.baseURL, harnessDir);
        await context.request.post('/console/session', {
          data: { token: server.adminToken },
          headers: { Origin: server.baseURL },
        });
        const page = await context.newPage();
        await page.goto(`${server.baseURL}${HARNESS_BASE}index.html`);
        const query = { org: 'acme', endTime: Math.floor(Date.now() / 1000) + 1 };
        const read = (index: boolean) =>
          page.evaluate((r) => window.rangeRead(r), { query, index, queries: INDEX_BENCH_QUERIES });
        await read(false); // warm the server's cache and the JIT
        const alone = await read(false);
        const indexed = await read(true);
        const ratio = indexed.seconds / alone.seconds;
        console.info(
          `${events.toLocaleString('en-US')} events: read ${alone.seconds.toFixed(2)} s, ` +
            `read and index ${indexed.seconds.toFixed(2)} s, ${ratio.toFixed(2)}× (aim ≤ 1.2×); ` +
            `columns ${indexed.columnBytesPerEvent.toFixed(0)} bytes/event`,
        );
        console.info(
          textTable(
            ['query', 'matches', 'slowest of match, facets, histogram (ms)'],
            indexed.queries.map((q) => [q.q, q.matches.toLocaleString('en-US'), q.ms.toFixed(1)]),
          ),
        );
        report.push({ events, alone, indexed, ratio });
        await context.close();
      } finally {
        await server.stop();
      }
    }
    const machine = machineInfo(browser.version());
    console.info(`machine: ${JSON.stringify(machine)}`);
    console.info(`results: ${writeResults('index-load', { machine, report })}`);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runIndexLoadBench();
