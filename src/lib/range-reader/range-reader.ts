/**
 * Reads every event of a time range at the speed of the API: the range is cut into disjoint
 * time windows, each its own continuation chain, read concurrently under an adaptive limit
 * (adaptive-limit.ts), with work stealing between them (work-stealing.ts). Each window is asked
 * a second wider and trimmed (time-window.ts), so nothing is lost or doubled whatever the API's
 * bounds mean. Windows finish out of order; the output does not: chunks come out newest first
 * in the API's own order, exactly what one chain over the whole range would read.
 *
 * Retries and resume per window follow the pager's rules (one page retried by its token).
 * The core knows no HTTP: `fetchPage(bounds, token, signal)` is injected.
 */
import type { CheckedAuditLogPage } from '../../../common/pulumi/audit-log-page.ts';
import { abortReason } from '../../../common/pulumi/abortable-sleep.ts';
import { createChainCheck, type ChainCheck } from '../pager/chain-check.ts';
import { retryingFetcher, type PagerOptions } from '../../../common/pulumi/retrying-fetcher.ts';
import { classifyFailure } from '../retry-policy.ts';
import { createAdaptiveLimit, type AdaptiveLimitOptions } from './adaptive-limit.ts';
import { createChunkQueue } from './chunk-queue.ts';
import type { ResolvedTimeBounds } from '../audit-log-query.ts';
import { planWindows, requestBounds, trimToWindow } from './time-window.ts';
import type { SpoolFactory } from './window-spool.ts';
import { newWindow, stealWork, unreadSeconds, type ReadStats } from './work-stealing.ts';
import type { WindowState } from './work-stealing.ts';
import type { TimeWindow } from '../time-window.ts';

/** One page of one window's chain; what tests and a future in-browser index replace. */
export type WindowPageFetcher = (
  bounds: ResolvedTimeBounds,
  continuationToken: string | undefined,
  signal: AbortSignal,
) => Promise<CheckedAuditLogPage>;

export interface RangeProgress {
  /** Events read so far, written or waiting for newer windows. */
  events: number;
  /** Share of the range's seconds read, 0 to 1. */
  covered: number;
  /**
   * Every event newer than this second has been read: where the newest window still reading
   * has got to, or once all are done the oldest event's second; unset until it moves below the
   * range's end. For a range from 1970, how far back the read has come.
   */
  readBackTo?: number;
  /** Requests sent, requests in flight now and the most at once, 429s answered. */
  requests: number;
  inFlight: number;
  peakInFlight: number;
  rateLimited: number;
}

export interface RangeReaderOptions<Chunk> extends Pick<
  PagerOptions,
  'sleep' | 'random' | 'maxRetries' | 'onRetry'
> {
  fetchPage: WindowPageFetcher;
  /** `[from, to)` in whole seconds; `from` 0 reads from the beginning. */
  range: TimeWindow;
  signal: AbortSignal;
  spool: SpoolFactory<Chunk>;
  concurrency?: AdaptiveLimitOptions;
  onProgress?: (progress: RangeProgress) => void;
  now?: () => number;
}

/**
 * Yields the range's chunks in file order (newest first); throws the pager's `PagerError` when a
 * window cannot be read (after the chunks of every window before it), or the abort reason:
 * `for await (const batch of readRange({fetchPage, range, signal, spool: eventBatchSpool})) …`.
 */
export async function* readRange<Chunk>(options: RangeReaderOptions<Chunk>): AsyncGenerator<Chunk> {
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  const { signal } = controller;
  const onUserAbort = () => controller.abort(abortReason(options.signal));
  if (options.signal.aborted) onUserAbort();
  options.signal.addEventListener('abort', onUserAbort, { once: true });

  const queue = createChunkQueue<Chunk>();
  const limit = createAdaptiveLimit(options.concurrency, now());
  const windows: WindowState<Chunk>[] = planWindows(options.range, limit.limit).map((w) =>
    newWindow(w, options.spool()),
  );
  const stats: ReadStats = { top: options.range.to, events: 0, seconds: 0, largestPage: 0 };
  const counts = { requests: 0, inFlight: 0, peakInFlight: 0, rateLimited: 0 };
  const span = Math.max(1, options.range.to - options.range.from);
  let running = 0;
  let stopped = false;
  let oldestRead: number | undefined;

  const report = () => {
    const unread = windows.reduce(
      (sum, w) => sum + (w.status === 'done' ? 0 : unreadSeconds(w)),
      0,
    );
    const reading = windows.find((w) => w.status !== 'done');
    const readBackTo = reading ? reading.readDownTo : oldestRead;
    options.onProgress?.({
      events: stats.events,
      covered: 1 - unread / span,
      ...(readBackTo !== undefined && readBackTo < options.range.to && { readBackTo }),
      ...counts,
    });
  };

  const stop = (error: unknown) => {
    if (stopped) return;
    stopped = true;
    controller.abort(error);
    queue.fail(options.signal.aborted ? abortReason(options.signal) : error);
  };

  /** Writes the oldest unwritten window's chunks, and every finished window after it. */
  const flush = () => {
    while (windows[0]) {
      for (const chunk of windows[0].spool.take()) queue.push(chunk);
      if (windows[0].status !== 'done') return;
      windows.shift();
    }
    if (running === 0) queue.close();
  };

  const send = async (bounds: ResolvedTimeBounds, token: string | undefined, s: AbortSignal) => {
    const sentAt = now();
    counts.requests += 1;
    counts.inFlight += 1;
    counts.peakInFlight = Math.max(counts.peakInFlight, counts.inFlight);
    // Reported as sent too, so the first answer's wait already shows requests in flight.
    report();
    try {
      const page = await options.fetchPage(bounds, token, s);
      limit.onSuccess(page.auditLogEvents.length, now());
      return page;
    } catch (error) {
      const kind = classifyFailure(error);
      if (kind === 'rate-limited') counts.rateLimited += 1;
      limit.onFailure(kind, sentAt, now());
      throw error;
    } finally {
      counts.inFlight -= 1;
    }
  };

  /** Takes one page into its window: its events inside the window, and whether it is finished. */
  const take = (w: WindowState<Chunk>, page: CheckedAuditLogPage) => {
    const trimmed = trimToWindow(page.auditLogEvents, w);
    const [newest, oldest] = [trimmed.events[0], trimmed.events.at(-1)];
    if (newest && oldest) {
      stats.seconds += w.readDownTo - oldest.timestamp;
      w.readDownTo = oldest.timestamp;
      w.density = trimmed.events.length / (newest.timestamp - oldest.timestamp + 1);
      oldestRead = Math.min(oldestRead ?? Infinity, oldest.timestamp);
    }
    w.events += trimmed.events.length;
    w.pages += 1;
    stats.events += trimmed.events.length;
    stats.largestPage = Math.max(stats.largestPage, page.auditLogEvents.length);
    w.token = page.continuationToken;
    return { events: trimmed.events, finished: trimmed.passedWindow || !w.token };
  };

  /** Each window's chain check, kept while the window parks and resumes. */
  const chainChecks = new WeakMap<WindowState<Chunk>, ChainCheck>();

  const runChain = async (w: WindowState<Chunk>) => {
    const bounds = (w.bounds ??= requestBounds(w));
    const check = chainChecks.get(w) ?? createChainCheck();
    chainChecks.set(w, check);
    const fetchOnce = retryingFetcher({
      ...options,
      signal,
      // Checked as it arrives, so a looping answer fails like any invalid one: not retried.
      fetchPage: async (token, s) => {
        const page = await send(bounds, token, s);
        check(token, page);
        return page;
      },
    });
    try {
      for (let pending = fetchOnce(w.token); ;) {
        const { events, finished } = take(w, await pending);
        if (finished) w.status = 'done';
        // Over the limit after a decrease: park, keeping the token, to resume later.
        else if (running > limit.limit) w.status = 'waiting';
        const more = w.status === 'running';
        // The next page is asked before this one is encoded, so the two overlap.
        if (more) {
          pending = fetchOnce(w.token);
          pending.catch(() => undefined); // Handled when awaited; no unhandled-rejection report.
        }
        w.spool.push(events);
        if (!more) break;
        flush();
        pump();
        report();
      }
    } catch (error) {
      stop(error);
    } finally {
      running -= 1;
    }
    if (stopped) return;
    pump();
    flush();
    report();
  };

  const pump = () => {
    while (!stopped && running < limit.limit) {
      const next =
        windows.find((w) => w.status === 'waiting') ?? stealWork(windows, stats, options.spool);
      if (!next) return;
      next.status = 'running';
      running += 1;
      void runChain(next);
    }
  };

  try {
    pump();
    flush();
    yield* queue.drain();
  } finally {
    options.signal.removeEventListener('abort', onUserAbort);
    if (!stopped) controller.abort();
    stopped = true;
  }
}
