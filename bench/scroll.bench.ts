/**
 * `npm run bench:scroll`: fast wheel scrolling through the log, the console's table against a
 * bare @tanstack/react-virtual list of plain-text rows (bench/harness/scroll.html), in one run:
 * the console as it opens (while it reads the range by itself) and again after it has read and
 * kept the range and the page is reloaded.
 * Seeds BENCH_SCROLL_EVENTS events (default 100,000), opens each page at 1440×900 in headless
 * Chromium, sends 200 wheel ticks of 4,000 px 40 ms apart over the rows and records long
 * animation frames. Then it scrolls the console to the end of the log and reads the heap there.
 * Numbers are printed and written to bench/results/, not asserted.
 */
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { buildIfStale } from '../scripts/build-if-stale.ts';
import { startBenchServer } from './support/bench-data.ts';
import { fixed, textTable, machineInfo, MB, writeResults } from './support/bench-report.ts';
import { heapAfterGc, installLongFrameObserver, takeLongFrames } from './support/frame-probes.ts';
import { buildHarness, HARNESS_BASE, serveHarness } from './support/harness.ts';
import { signIn } from './support/sign-in.ts';
import {
  formatTraceSummary,
  PROFILING,
  traceWhile,
  type TraceSummary,
} from './support/trace-profile.ts';

const VIEWPORT = { width: 1440, height: 900 };
const TICKS = 200;
const TICK_PX = 4000;
const TICK_GAP_MS = 40;
const BARE_ROWS = 20_000;
const LONG_FRAME_MS = 50;
const AT_END_ROWS = 100_000;
const END_TIMEOUT_MS = 5 * 60_000;
const ROW_HEIGHT = 44;

interface ScrollResult {
  page: string;
  longFrames: number;
  longestFrameMs: number;
  scriptMsInFrames: number;
  /** Style, layout and paint in the long frames (after their scripts). */
  renderMsInFrames: number;
  /** The long frames by what started their longest script. */
  longFramesBy: Record<string, number>;
  wallSeconds: number;
  /** Index of the last row in the DOM when the ticks ended: how deep the scroll got. */
  lastRowIndex: number;
  /** The page's index summary before and after the ticks (empty for the bare list). */
  indexBefore: string;
  indexAfter: string;
  heapBytes: number;
}

function scrollEventCount(): number {
  const value = Number(process.env.BENCH_SCROLL_EVENTS ?? 100_000);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error('BENCH_SCROLL_EVENTS must be a positive integer');
  return value;
}

async function signedInContext(browser: Browser, baseURL: string, token: string, harness: string) {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT });
  await serveHarness(context, baseURL, harness);
  await installLongFrameObserver(context);
  await signIn(context, baseURL, token);
  return context;
}

const countBy = (keys: string[]) =>
  Object.fromEntries(
    [...new Set(keys)]
      .map((key) => [key, keys.filter((k) => k === key).length] as const)
      .sort(([, a], [, b]) => b - a),
  );

const profiles: { page: string; summary: TraceSummary }[] = [];

const lastRowIndex = (page: Page) =>
  page
    .locator('[data-testid="log-row"]')
    .evaluateAll((rows) =>
      Math.max(-1, ...rows.map((row) => Number(row.getAttribute('data-row-index') ?? -1))),
    );

/**
 * Opens `path`, waits for its rows, then wheels over them and reads the frames; `prepare` runs
 * first on the page (to read and keep the range, then reload).
 */
async function wheelThrough(
  context: BrowserContext,
  name: string,
  path: string,
  prepare?: (page: Page) => Promise<void>,
) {
  const page = await context.newPage();
  await page.goto(path);
  await prepare?.(page);
  await page.locator('[data-testid="log-row"]').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1000);
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  await takeLongFrames(page);
  // What the page says of its index before and after the ticks: how far a read got meanwhile.
  const indexSummary = () =>
    page
      .locator('.search-summary')
      .first()
      .innerText({ timeout: 1000 })
      .then((text) => text.replace(/\s+/g, ' ').trim())
      .catch(() => '');
  const before = await indexSummary();
  const started = performance.now();
  const ticks = async () => {
    for (let tick = 0; tick < TICKS; tick++) {
      await page.mouse.wheel(0, TICK_PX);
      await page.waitForTimeout(TICK_GAP_MS);
    }
  };
  if (PROFILING) {
    const { summary } = await traceWhile(page, `scroll-${name}`, ticks);
    profiles.push({ page: name, summary });
  } else {
    await ticks();
  }
  const wallSeconds = (performance.now() - started) / 1000;
  await page.waitForTimeout(500);
  const frames = await takeLongFrames(page);
  const long = frames.filter((frame) => frame.duration > LONG_FRAME_MS);
  const result: ScrollResult = {
    page: name,
    longFrames: long.length,
    longestFrameMs: Math.max(0, ...frames.map((frame) => frame.duration)),
    scriptMsInFrames: frames.reduce((sum, frame) => sum + frame.scriptMs, 0),
    renderMsInFrames: long.reduce((sum, frame) => sum + frame.renderMs, 0),
    longFramesBy: countBy(long.map((frame) => frame.invoker)),
    wallSeconds,
    lastRowIndex: await lastRowIndex(page),
    indexBefore: before,
    indexAfter: await indexSummary(),
    heapBytes: await heapAfterGc(page),
  };
  await page.close();
  // As it goes: a later page that fails leaves the earlier figures.
  console.info(
    `${name}: ${long.length} long frames, by ${JSON.stringify(result.longFramesBy)}` +
      (result.indexBefore ? `; index "${result.indexBefore}" → "${result.indexAfter}"` : ''),
  );
  return result;
}

/** Waits until the console has read and kept the range, then reloads it (reads only newer). */
async function keptAndReloaded(page: Page) {
  await page.getByText(/kept in this browser/).waitFor({ timeout: END_TIMEOUT_MS });
  await page.reload();
  await page.getByText(/kept in this browser/).waitFor({ timeout: END_TIMEOUT_MS });
}

/** Rows the console's table holds a place for: its body's height in rows. */
const rowsKnown = (page: Page) =>
  page
    .locator('.log-table__body')
    .evaluate(
      (body, rowHeight) => Math.round((body as HTMLElement).offsetHeight / rowHeight),
      ROW_HEIGHT,
    );

/**
 * Jumps to the end of the console's log until AT_END_ROWS rows are known or the log ends; the
 * heap there (after a full collection), the rows and the time it took.
 */
async function heapAtEnd(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('/orgs/acme/audit-logs');
  const scroller = page.getByRole('region', { name: 'Audit log events' });
  const footer = page.getByTestId('table-footer');
  await footer.waitFor({ timeout: 120_000 });
  const started = performance.now();
  while (performance.now() - started < END_TIMEOUT_MS) {
    if (/Start of the audit log/.test((await footer.textContent()) ?? '')) break;
    if ((await rowsKnown(page)) >= AT_END_ROWS) break;
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(50);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = await rowsKnown(page);
  const heapBytes = await heapAfterGc(page);
  await page.close();
  return { rows, seconds, heapBytes };
}

function printTable(results: ScrollResult[]) {
  const rows = results.map((r) => [
    r.page,
    String(r.longFrames),
    fixed(r.longestFrameMs, 0),
    fixed(r.scriptMsInFrames, 0),
    fixed(r.wallSeconds, 1),
    String(r.lastRowIndex + 1),
    fixed(r.heapBytes / MB),
  ]);
  const header = [
    'page',
    `frames > ${LONG_FRAME_MS} ms`,
    'longest ms',
    'script ms in frames',
    `wall s (${TICKS} ticks)`,
    'rows reached',
    'heap MB',
  ];
  console.info(`\n${textTable(header, rows)}\n`);
}

/** Runs the scroll benchmark; resolves with its report (also printed and written to disk). */
export async function runScrollBench() {
  const events = scrollEventCount();
  console.info(`scroll bench: ${events.toLocaleString('en-US')} events; building, seeding…`);
  await buildIfStale();
  const harnessDir = await buildHarness();
  const server = await startBenchServer(events);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await signedInContext(browser, server.baseURL, server.adminToken, harnessDir);
    const bare = `${HARNESS_BASE}scroll.html?org=acme&rows=${BARE_ROWS}`;
    const results = [
      await wheelThrough(context, `bare virtual list (${BARE_ROWS} rows)`, bare),
      await wheelThrough(context, 'the console, reading the range', '/orgs/acme/audit-logs'),
      await wheelThrough(
        context,
        'the console, range kept',
        '/orgs/acme/audit-logs',
        keptAndReloaded,
      ),
    ];
    printTable(results);
    for (const r of results)
      console.info(
        `${r.page}: long frames by what started them: ${JSON.stringify(r.longFramesBy)}`,
      );
    for (const { page, summary } of profiles) console.info(formatTraceSummary(page, summary));
    const end = await heapAtEnd(context);
    const report = {
      events,
      machine: machineInfo(browser.version()),
      results,
      consoleAtEnd: end,
    };
    console.info(
      `the console at the end of the log: ${end.rows.toLocaleString('en-US')} rows in ` +
        `${end.seconds.toFixed(1)} s, heap ${fixed(end.heapBytes / MB)} MB`,
    );
    console.info(JSON.stringify(report, null, 2));
    console.info(`written to ${writeResults('scroll', report)}`);
    return report;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runScrollBench();
