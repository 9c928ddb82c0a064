/**
 * The embedded server hosting the built benchmark harness (BENCH_HARNESS_ROOT) in place of
 * dist/, so the harness is same-origin with the API without Playwright routing: a route makes
 * Chromium pause every request of the context for the driver, which adds latency and CPU to
 * exactly what the export benchmark measures.
 */
import { main } from '../../server/main.ts';

await main({ distDir: process.env.BENCH_HARNESS_ROOT });
