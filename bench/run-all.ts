/**
 * `npm run bench`: every benchmark, one after another. Add new ones here (each module exports a
 * `run…Bench()` that prints its table and writes bench/results/).
 */
import { runExportBench } from './export.bench.ts';
import { runIndexLoadBench } from './index-load.bench.ts';
import { runLoadBench } from './load.bench.ts';
import { runRangeIndexBench } from './range-index.bench.ts';
import { runScrollBench } from './scroll.bench.ts';
import { runServerStoreBench } from './server-store.bench.ts';

const benches: [string, () => Promise<unknown>][] = [
  ['server store', runServerStoreBench],
  ['export', runExportBench],
  ['load', runLoadBench],
  ['range index', runRangeIndexBench],
  ['range index in the browser', runIndexLoadBench],
  ['scroll', runScrollBench],
];

for (const [name, run] of benches) {
  console.info(`\n=== ${name} ===`);
  await run();
}
