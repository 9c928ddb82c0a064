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

/**
 * `[from, to)` cut into `count` windows of about equal length, newest first; never a window
 * shorter than a second: `planWindows({from: 0, to: 4}, 2)` → `[{from: 2, to: 4}, {from: 0, to: 2}]`.
 */
export function planWindows(range: TimeWindow, count: number): TimeWindow[] {
  const span = range.to - range.from;
  if (span <= 0) return [];
  const pieces = Math.max(1, Math.min(count, span));
  const windows: TimeWindow[] = [];
  for (let i = 0; i < pieces; i++) {
    const to = range.to - Math.floor((span * i) / pieces);
    const from = range.to - Math.floor((span * (i + 1)) / pieces);
    windows.push({ from, to });
  }
  return windows;
}
