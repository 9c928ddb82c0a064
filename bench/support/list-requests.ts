/**
 * What the export benchmark counts as the console's list requests, and the console path's
 * tally of them split at the DOWNLOAD click: reading the log for its index before the click,
 * and whatever the click itself (or anything running meanwhile) asks for after it.
 */

import { LARGEST_PAGE_SIZE } from '../../common/pulumi/api-limits.ts';
import { isNewerEventsCheck } from '../../src/features/audit-log/api/newer-events-query.ts';

/**
 * A list of events: Pulumi's `GET /api/orgs/{org}/auditlogs/v2` (the console's, see
 * `auditLogsV2Path`) or the older `/auditlogs`; not the export, event types or anything else.
 */
const LIST_PATH = /^\/api\/orgs\/[^/]+\/auditlogs(?:\/v2)?$/;

/** `isListRequest('GET', 'http://h/api/orgs/acme/auditlogs/v2?pageSize=100') === true`. */
export function isListRequest(method: string, url: string): boolean {
  if (method !== 'GET') return false;
  try {
    return LIST_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** List requests seen before and after the DOWNLOAD click; a few after it, by path and query. */
export interface ListRequestCounts {
  beforeClick: number;
  /** DOWNLOAD's own, or anything else reading the view's snapshot after the click. */
  afterClick: number;
  /**
   * The page's check for events newer than its snapshot, landing after the click: it runs on
   * its own clock whatever DOWNLOAD does, and asks nothing DOWNLOAD writes.
   */
  newerChecks: number;
  /** The first of those after the click, so a stray one says where it came from. */
  afterClickSample: string[];
  /**
   * Where the time went, in milliseconds from `start()`: the first list request sent and the
   * last one answered (undefined when `start()` was not called or nothing was listed).
   */
  firstRequestMs?: number;
  lastAnswerMs?: number;
  /**
   * The range read's first request (it asks the largest page, where the table asks its own
   * size): how long the read waited for the page, in milliseconds from `start()`.
   */
  firstReadRequestMs?: number;
  /** List answers in each second from the first list request: where the read slowed. */
  answersPerSecond: number[];
}

/** `isRangeReadRequest('…/auditlogs/v2?startTime=0&pageSize=10000')`: the range reader's page. */
export function isRangeReadRequest(url: string): boolean {
  return new URL(url).searchParams.get('pageSize') === String(LARGEST_PAGE_SIZE);
}

/** How many request addresses after the click the tally keeps. */
export const AFTER_CLICK_SAMPLE = 10;

/**
 * Counts the requests `seen` into before and after `click()`: feed it every request of the page
 * (its workers' included), mark the click just before it happens, read `counts()` at the end.
 */
export function listRequestTally() {
  const counts: ListRequestCounts = {
    beforeClick: 0,
    afterClick: 0,
    newerChecks: 0,
    afterClickSample: [],
    answersPerSecond: [],
  };
  let clicked = false;
  let startedAt: number | undefined;
  const sinceStart = (at: number) => (startedAt === undefined ? undefined : at - startedAt);
  return {
    /** Marks the moment the phases are timed from (the navigation). */
    start(at = performance.now()) {
      startedAt = at;
    },
    seen(method: string, url: string, at = performance.now()) {
      if (!isListRequest(method, url)) return;
      counts.firstRequestMs ??= sinceStart(at);
      if (isRangeReadRequest(url)) counts.firstReadRequestMs ??= sinceStart(at);
      if (!clicked) {
        counts.beforeClick += 1;
        return;
      }
      if (isNewerEventsCheck(url)) {
        counts.newerChecks += 1;
        return;
      }
      counts.afterClick += 1;
      if (counts.afterClickSample.length < AFTER_CLICK_SAMPLE) {
        const { pathname, search } = new URL(url);
        counts.afterClickSample.push(pathname + search);
      }
    },
    /** An answer to a list request of the page (not the newer-events check): the last is kept. */
    answered(method: string, url: string, at = performance.now()) {
      if (!isListRequest(method, url) || isNewerEventsCheck(url)) return;
      counts.lastAnswerMs = sinceStart(at);
      const first = counts.firstRequestMs;
      if (counts.lastAnswerMs === undefined || first === undefined) return;
      const second = Math.floor((counts.lastAnswerMs - first) / 1000);
      const perSecond = counts.answersPerSecond;
      while (perSecond.length <= second) perSecond.push(0);
      perSecond[second] = (perSecond[second] as number) + 1;
    },
    click() {
      clicked = true;
    },
    counts: (): ListRequestCounts => ({
      ...counts,
      afterClickSample: [...counts.afterClickSample],
      answersPerSecond: [...counts.answersPerSecond],
    }),
  };
}

/**
 * The least time the rate limit allows for reading `events` in pages of `pageSize` at
 * `ratePerSecond` requests a second: `rateLimitBoundSeconds(20_000, 100, 40) === 5`.
 */
export function rateLimitBoundSeconds(events: number, pageSize: number, ratePerSecond: number) {
  return events / (pageSize * ratePerSecond);
}
