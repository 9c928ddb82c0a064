/**
 * The ways the benchmark exports one view in the browser: the console's DOWNLOAD (the range
 * reader in a worker: click, wait for the file), the single continuation chain it replaced (in
 * a worker too), and the server's own streaming CSV export fetched by the page. Each run also
 * counts the page's list requests: how many, how many were answered 429, the most at once.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import type { AuditLogQuery } from '../../src/lib/audit-log-query.ts';
import { installLongTaskObserver, sampleHeaps, takeLongestTask } from './browser-probes.ts';
import { watchCpu, type CpuSeconds } from './cpu-by-process.ts';
import { isListRequest } from './list-requests.ts';
import { signIn } from './sign-in.ts';
import { watchConnections } from './tcp-connections.ts';

export interface MethodRun {
  events: number;
  bytes: number;
  seconds: number;
  sha256?: string;
}

export interface MethodResult extends Partial<MethodRun> {
  method: string;
  requests: number;
  rateLimited: number;
  peakInFlight: number;
  longestTaskMs: number;
  peakPageHeapBytes: number;
  peakWorkerHeapBytes: number;
  /** CPU seconds spent meanwhile by the server, the browser and the benchmark's driver. */
  cpu: CpuSeconds;
  /** The most TCP connections open to the server at once. */
  peakConnections: number;
  error?: string;
}

declare global {
  interface Window {
    singleChainExport(query: AuditLogQuery): Promise<Required<MethodRun>>;
  }
}

/** How long one method may take before the benchmark gives up on it. */
export const METHOD_TIMEOUT_MS = 10 * 60_000;

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const listed = (request: Request) => isListRequest(request.method(), request.url());

/** Counts `page`'s list requests (workers' included): total, 429s, most in flight at once. */
function watchRequests(page: Page) {
  const counts = { requests: 0, rateLimited: 0, peakInFlight: 0 };
  let inFlight = 0;
  const done = (request: Request) => {
    if (listed(request)) inFlight -= 1;
  };
  page.on('request', (request) => {
    if (!listed(request)) return;
    counts.requests += 1;
    inFlight += 1;
    counts.peakInFlight = Math.max(counts.peakInFlight, inFlight);
  });
  page.on('response', (response) => {
    if (listed(response.request()) && response.status() === 429) counts.rateLimited += 1;
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return counts;
}

/** The server a method runs against: its process (for CPU) and address (for connections). */
export interface BenchServer {
  pid?: number;
  baseURL: string;
}

/**
 * A fresh context (nothing kept in its storage yet) signed in to `baseURL` with `token`, saving
 * downloads, accepting the HTTP/2 front's self-signed certificate, recording long tasks.
 */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  token: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    acceptDownloads: true,
    ignoreHTTPSErrors: true,
  });
  await installLongTaskObserver(context);
  await signIn(context, baseURL, token);
  return context;
}

/** Runs one method on `page`, watching its heaps, long tasks, requests and CPU by process. */
export async function measure(
  page: Page,
  method: string,
  run: () => Promise<MethodRun>,
  server: BenchServer,
): Promise<MethodResult> {
  const counts = watchRequests(page);
  await takeLongestTask(page);
  const heaps = process.env.BENCH_NO_HEAP
    ? { stop: async () => ({ pageBytes: 0, workerBytes: 0 }) }
    : await sampleHeaps(page);
  let outcome: MethodRun | undefined;
  let error: string | undefined;
  const cpu = watchCpu(server.pid);
  const connections = watchConnections(Number(new URL(server.baseURL).port));
  try {
    outcome = await run();
  } catch (failure) {
    error = failure instanceof Error ? failure.message.split('\n')[0] : String(failure);
  }
  const cpuSeconds = cpu.stop();
  const peakConnections = connections.stop();
  const peaks = await heaps.stop();
  const longestTaskMs = await takeLongestTask(page).catch(() => NaN);
  return {
    method,
    ...outcome,
    ...counts,
    longestTaskMs,
    peakPageHeapBytes: peaks.pageBytes,
    peakWorkerHeapBytes: peaks.workerBytes,
    cpu: cpuSeconds,
    peakConnections,
    error,
  };
}

/** The page's DOWNLOAD button (the console's, or the harness's copy of it). */
export const downloadButton = (page: Page) =>
  page.getByRole('button', { name: 'Download', exact: true });

/** A DOWNLOAD's file, and when (`performance.now()` ms) it was clicked, began and was saved. */
export interface SavedDownload extends Omit<Required<MethodRun>, 'seconds'> {
  clickedMs: number;
  beganMs: number;
  savedMs: number;
}

/** Clicks DOWNLOAD and waits until the file is saved; its events are the receipt's. */
export async function clickDownload(page: Page): Promise<SavedDownload> {
  const download = page.waitForEvent('download', { timeout: METHOD_TIMEOUT_MS });
  const clickedMs = performance.now();
  await downloadButton(page).click();
  const file = await download;
  const beganMs = performance.now();
  const filePath = await file.path();
  const savedMs = performance.now();
  const eventsText = await page.getByTestId('receipt-events').textContent();
  return {
    clickedMs,
    beganMs,
    savedMs,
    events: Number(eventsText?.replace(/,/g, '')),
    bytes: statSync(filePath).size,
    sha256: await sha256File(filePath),
  };
}

/** The console's export: DOWNLOAD to saved file, timed from the click to the download starting. */
export async function workerExport(page: Page): Promise<MethodRun> {
  const { clickedMs, beganMs, events, bytes, sha256 } = await clickDownload(page);
  return { seconds: (beganMs - clickedMs) / 1000, events, bytes, sha256 };
}

/** SHA-256 of the server's own export at `exportPath`, asked with `token`: the reference bytes. */
export async function serverExportSha256(
  baseURL: string,
  exportPath: string,
  token: string,
): Promise<string> {
  const response = await fetch(baseURL + exportPath, {
    headers: { Authorization: `token ${token}` },
  });
  if (!response.ok) throw new Error(`export answered ${response.status}`);
  return createHash('sha256')
    .update(Buffer.from(await response.arrayBuffer()))
    .digest('hex');
}

/** The single chain the range reader replaced, in a worker, timed from start to file. */
export async function singleChainExport(page: Page, query: AuditLogQuery): Promise<MethodRun> {
  const started = performance.now();
  const result = await page.evaluate((q) => window.singleChainExport(q), query);
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
