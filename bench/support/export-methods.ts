/**
 * The three ways the benchmark exports one view in the browser: the console's worker export
 * (click DOWNLOAD, wait for the file), the naive main-thread export, and the server's own
 * streaming CSV export fetched by the page.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { AuditLogQuery } from '../../src/lib/audit-log-query.ts';
import { sampleHeaps, takeLongestTask } from './browser-probes.ts';

export interface MethodRun {
  events: number;
  bytes: number;
  seconds: number;
  sha256?: string;
}

export interface MethodResult extends Partial<MethodRun> {
  method: string;
  longestTaskMs: number;
  peakPageHeapBytes: number;
  peakWorkerHeapBytes: number;
  error?: string;
}

declare global {
  interface Window {
    mainThreadExport(query: AuditLogQuery): Promise<{ events: number; bytes: number }>;
  }
}

const TIMEOUT_MS = 10 * 60_000;

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Runs one method on `page`, watching its heaps and long tasks. */
export async function measure(
  page: Page,
  method: string,
  run: () => Promise<MethodRun>,
): Promise<MethodResult> {
  await takeLongestTask(page);
  const heaps = process.env.BENCH_NO_HEAP
    ? { stop: async () => ({ pageBytes: 0, workerBytes: 0 }) }
    : await sampleHeaps(page);
  let outcome: MethodRun | undefined;
  let error: string | undefined;
  try {
    outcome = await run();
  } catch (failure) {
    error = failure instanceof Error ? failure.message.split('\n')[0] : String(failure);
  }
  const peaks = await heaps.stop();
  const longestTaskMs = await takeLongestTask(page).catch(() => NaN);
  return {
    method,
    ...outcome,
    longestTaskMs,
    peakPageHeapBytes: peaks.pageBytes,
    peakWorkerHeapBytes: peaks.workerBytes,
    error,
  };
}

/** The console's export: DOWNLOAD to saved file, timed from the click to the download starting. */
export async function workerExport(page: Page): Promise<MethodRun> {
  const download = page.waitForEvent('download', { timeout: TIMEOUT_MS });
  const started = performance.now();
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const file = await download;
  const seconds = (performance.now() - started) / 1000;
  const filePath = await file.path();
  const eventsText = await page.getByTestId('receipt-events').textContent();
  return {
    seconds,
    events: Number(eventsText?.replace(/,/g, '')),
    bytes: statSync(filePath).size,
    sha256: await sha256File(filePath),
  };
}

/** Fetch every page, keep every event, then papaparse once: all on the main thread. */
export async function mainThreadExport(page: Page, query: AuditLogQuery): Promise<MethodRun> {
  const started = performance.now();
  const result = await page.evaluate((q) => window.mainThreadExport(q), query);
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

/** The server's gzip CSV stream, fetched and read to the end by the page. */
export async function serverStreamExport(
  page: Page,
  exportPath: string,
  events: number,
): Promise<MethodRun> {
  const started = performance.now();
  const bytes = await page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`export answered ${response.status}`);
    return (await response.blob()).size;
  }, exportPath);
  return { events, bytes, seconds: (performance.now() - started) / 1000 };
}
