/**
 * Time windows of whole Unix seconds, `[from, to)`, and how one is asked of the API exactly.
 * Pulumi does not say whether `startTime` and `endTime` are inclusive, and events have no id,
 * so a window is asked one second wider at the start (`startTime = from - 1`, `endTime = to`)
 * and its answer trimmed to `from <= timestamp < to`: under each of the four readings the
 * answer holds the whole window plus at most one extra second at either end.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import type { ResolvedTimeBounds } from '../audit-log-query.ts';
import type { TimeWindow } from '../time-window.ts';

/**
 * The request bounds that contain `window` under any reading of the API's bounds:
 * `requestBounds({from: 10, to: 20})` → `{startTime: 9, endTime: 20}`.
 */
export function requestBounds(window: TimeWindow): ResolvedTimeBounds {
  return window.from > 0
    ? { startTime: window.from - 1, endTime: window.to }
    : { endTime: window.to };
}

export interface TrimmedPage {
  /** The page's events inside the window, in the page's order. */
  events: AuditLogEvent[];
  /**
   * An event older than the window was seen: pages come newest first, so nothing of the window
   * follows and its chain is finished.
   */
  passedWindow: boolean;
}

/**
 * Keeps the events of a newest-first page that lie in `window`:
 * `trimToWindow([e(20), e(15), e(9)], {from: 10, to: 20})` keeps e(15) and has passed the window.
 */
export function trimToWindow(events: readonly AuditLogEvent[], window: TimeWindow): TrimmedPage {
  const kept: AuditLogEvent[] = [];
  for (const event of events) {
    if (event.timestamp < window.from) return { events: kept, passedWindow: true };
    if (event.timestamp < window.to) kept.push(event);
  }
  return { events: kept, passedWindow: false };
}

/**
 * Where to cut window `[from, to)`, read down to `unreadTo`, so that the stolen part
 * `[from, cut)` and the kept part `[cut, to)` each hold at least a second, or undefined: a
 * second cannot be cut further. `splitPoint({from: 0, to: 10}, 10) === 5`.
 */
export function splitPoint(window: TimeWindow, unreadTo: number): number | undefined {
  const cut = window.from + Math.ceil((unreadTo - window.from) / 2);
  return cut > window.from && cut <= unreadTo && cut < window.to ? cut : undefined;
}

/** The newest window of a read from the beginning of time: its first day. */
const FIRST_AGE = 24 * 3600;
/** Each older window of such a read reaches this many times further back than the one before. */
const AGE_FACTOR = 8;

/**
 * `[from, to)` cut into `count` windows, newest first, never one shorter than a second: of
 * about equal length, `planWindows({from: 2, to: 6}, 2)` → `[{from: 4, to: 6}, {from: 2, to:
 * 4}]`; or, for a read from the beginning of time (`from` 0), on the scale of age: the last
 * day, then eight times further back each (8 days, 64 days…), the oldest reaching back to 1970.
 * Equal cuts of 56 years would leave all but the newest window in the decades before any log
 * began, a request each to learn they are empty. Seven windows or more no longer fit by age
 * before 1970 and are cut equally (the reader starts with four).
 */
export function planWindows(range: TimeWindow, count: number): TimeWindow[] {
  const span = range.to - range.from;
  if (span <= 0) return [];
  const pieces = Math.max(1, Math.min(count, span));
  const byAge = range.from === 0 && FIRST_AGE * AGE_FACTOR ** (pieces - 2) < range.to;
  // Edge i is where window i - 1 begins and window i ends: from the range's end down to its start.
  const edge = (i: number) => {
    if (i === 0 || i === pieces) return i === 0 ? range.to : range.from;
    return range.to - (byAge ? FIRST_AGE * AGE_FACTOR ** (i - 1) : Math.floor((span * i) / pieces));
  };
  return Array.from({ length: pieces }, (_, i) => ({ from: edge(i + 1), to: edge(i) }));
}
