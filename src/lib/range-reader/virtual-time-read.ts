/**
 * Test helper: reads a range with the real range reader over a fake V2 list API in virtual
 * time, and counts the requests it sent. Each answer takes a fixed latency, and a rate limit
 * (when given) lets the server start only so many requests a second, queueing the rest, so the
 * reader's adaptive limit grows and stops growing as it would against a real service; a cap on
 * connections queues requests as a browser does over HTTP/1.1. The fake
 * keeps the log as sorted timestamps and builds only the events of the pages it sends, so logs
 * of a few hundred thousand events read in well under a second.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { ApiError } from '../../../common/pulumi/api-errors.ts';
import { createTokenBuckets } from '../../../common/pulumi/token-buckets.ts';
import { testEvent } from '../../testing/test-pages.ts';
import { readRange, type WindowPageFetcher } from './range-reader.ts';
import type { TimeWindow } from '../time-window.ts';

export interface VirtualApiOptions {
  /** Events per page the API sends. */
  pageSize: number;
  /** Milliseconds from a request's start to its answer. */
  latencyMs: number;
  /** Requests the API starts per second at most; unlimited when absent. */
  requestsPerSecond?: number;
  /**
   * Requests in flight at most, the rest queued in order: a browser's connections to one host
   * over HTTP/1.1 (six in Chromium); unlimited when absent.
   */
  connections?: number;
  /**
   * A token bucket per token, as the embedded service's `RATE_LIMIT`: `perSecond` requests fill
   * it each second and it holds one second's worth; a request beyond it is answered 429 with
   * `Retry-After` in whole seconds (not queued as `requestsPerSecond` does).
   */
  bucket?: { perSecond: number };
}

export interface VirtualRead {
  /** List requests the reader sent. */
  requests: number;
  /** Of them, answered 429. */
  rateLimited: number;
  /** Of them, answered with a page holding no event. */
  empty: number;
  /** Events it delivered. */
  events: number;
  /** Virtual milliseconds from the first request to the last answer. */
  ms: number;
}

/** How many of the ascending `sorted` timestamps are below `t`. */
function countBelow(sorted: readonly number[], t: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Reads `range` of a log holding events at `timestamps` (any order), bounds read as
 * `startTime <= t < endTime`: `await readInVirtualTime([5, 7], {from: 0, to: 10}, {pageSize:
 * 100, latencyMs: 150})` → `{requests: 4, events: 2}` (one per planned window).
 */
export async function readInVirtualTime(
  timestamps: readonly number[],
  range: TimeWindow,
  api: VirtualApiOptions,
): Promise<VirtualRead> {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let clock = 0;
  let nextStart = 0;
  let requests = 0;
  let rateLimited = 0;
  let empty = 0;
  const due: { at: number; answer: () => void }[] = [];
  // The service's own limiter, one key: the read is one token's.
  const buckets = api.bucket && createTokenBuckets(api.bucket.perSecond);
  // When each connection is next free (no cap: every request gets its own).
  const freeAt: number[] = Array.from({ length: api.connections ?? 0 }, () => 0);

  const fetchPage: WindowPageFetcher = (bounds, token) => {
    requests += 1;
    const scope = `${bounds.startTime}/${bounds.endTime}`;
    const [tokenScope, offsetText] = token ? token.split('@') : [scope, '0'];
    if (tokenScope !== scope) throw new Error(`token ${token} used for ${scope}`);
    // Newest first: position 0 is the newest event below endTime.
    const newest = countBelow(sorted, bounds.endTime) - 1;
    const oldest = bounds.startTime === undefined ? 0 : countBelow(sorted, bounds.startTime);
    const offset = Number(offsetText);
    const end = Math.min(newest - oldest + 1, offset + api.pageSize);
    const auditLogEvents: AuditLogEvent[] = [];
    for (let i = offset; i < end; i++) auditLogEvents.push(testEvent(sorted[newest - i]!));
    const page = {
      auditLogEvents,
      continuationToken: end < newest - oldest + 1 ? `${scope}@${end}` : undefined,
    };
    let connection = -1;
    for (let c = 0; c < freeAt.length; c++)
      if (connection < 0 || freeAt[c]! < freeAt[connection]!) connection = c;
    const sendsAt = connection < 0 ? clock : Math.max(clock, freeAt[connection]!);
    const startsAt = api.requestsPerSecond ? Math.max(sendsAt, nextStart) : sendsAt;
    if (api.requestsPerSecond) nextStart = startsAt + 1000 / api.requestsPerSecond;
    if (connection >= 0) freeAt[connection] = startsAt + api.latencyMs;
    const waitSeconds = buckets?.take('reader', startsAt) ?? 0;
    if (waitSeconds > 0) rateLimited += 1;
    else if (auditLogEvents.length === 0) empty += 1;
    return new Promise((resolve, reject) => {
      const answer =
        waitSeconds > 0
          ? () => reject(new ApiError(429, 'Too Many Requests', waitSeconds))
          : () => resolve(page);
      due.push({ at: startsAt + api.latencyMs, answer });
    });
  };
  /** Retries wait in virtual time, as answers do. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => due.push({ at: clock + ms, answer: resolve }));

  let events = 0;
  let finished = false;
  const reading = (async () => {
    const batches = readRange({
      fetchPage,
      range,
      signal: new AbortController().signal,
      sleep,
      random: () => 0.5,
      // Counts instead of events: only how many arrive matters here.
      spool: () => {
        let held = 0;
        return {
          push: (batch) => void (held += batch.length),
          take: () => {
            const taken = held > 0 ? [held] : [];
            held = 0;
            return taken;
          },
        };
      },
      now: () => clock,
    });
    for await (const count of batches) events += count;
    finished = true;
  })();

  // Each turn lets the reader react to the last answer (its work runs in promise callbacks,
  // all done before the next macrotask), then answers the request due first.
  while (!finished) {
    await new Promise((resolve) => setImmediate(resolve));
    if (finished) break;
    due.sort((a, b) => a.at - b.at);
    const next = due.shift();
    if (!next) throw new Error('the reader waits for nothing it asked');
    clock = Math.max(clock, next.at);
    next.answer();
  }
  await reading;
  return { requests, rateLimited, empty, events, ms: clock };
}
