/**
 * How much of the view's range the index has read, so that no number on screen passes for a
 * total when it is not one: a count over part of the range is "at least", and the page says
 * which part ("7 of 30 days read", "read back to Nov 25, 2026").
 */
import { SETTLE_SECONDS, type IndexStatus } from '../../../lib/range-index/index-session.ts';
import { PULUMI_PAGE_EVENTS } from '../../../../common/pulumi/api-limits.ts';
import { formatDay } from '../../../lib/time-format.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';
import { formatCount } from '../../../lib/count-format.ts';

export type ViewCoverage =
  /** Every second of the view is indexed: counts are exact. */
  | { kind: 'complete' }
  /** Part of it is read (or being read): counts are lower bounds over `read`. */
  | { kind: 'partial'; read: TimeWindow }
  /** Nothing of it is indexed yet. */
  | { kind: 'none' };

const intersect = (a: TimeWindow, b: TimeWindow): TimeWindow | undefined => {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from < to ? { from, to } : undefined;
};

/**
 * What of `range` the index can answer: `coverageOf({state: 'loaded', covered: {from: 0, to:
 * 10}, …}, {from: 5, to: 20})` → partial over `{from: 5, to: 10}`. While a read runs, the rows
 * indexed so far reach back to `progress.oldest` from the end of the read.
 */
export function coverageOf(status: IndexStatus, range: TimeWindow | undefined): ViewCoverage {
  if (!range) return { kind: 'none' };
  const { covered, progress, state, target } = status;
  if (state === 'loaded' && covered && covered.from <= range.from && range.to <= covered.to) {
    return { kind: 'complete' };
  }
  const parts: TimeWindow[] = [];
  if (covered) parts.push(covered);
  // A read fills newest first: what it has indexed so far is its end back to the oldest row.
  if (state !== 'idle' && target && progress.oldest !== undefined) {
    parts.push({ from: Math.max(target.from, progress.oldest), to: target.to });
  }
  const overlaps = parts.flatMap((part) => intersect(part, range) ?? []);
  if (overlaps.length === 0) return { kind: 'none' };
  const read = {
    from: Math.min(...overlaps.map((p) => p.from)),
    to: Math.max(...overlaps.map((p) => p.to)),
  };
  return { kind: 'partial', read };
}

const HOUR = 3600;
const DAY = 24 * HOUR;

/** A whole number of units, rounded down for the part and up for the whole: never 30 of 30 early. */
const span = (seconds: number, unit: number, round: (n: number) => number) =>
  Math.max(0, round(seconds / unit));

/**
 * Which part of the view is read, in words: `describeCoverage({from: 0, to: 7 * DAY}, {from: 0,
 * to: 30 * DAY})` → "7 of 30 days read"; for a view from the beginning of the log, the day it
 * reaches back to: "read back to Nov 25, 2026".
 */
export function describeCoverage(read: TimeWindow, range: TimeWindow, timeZone?: string) {
  if (range.from <= 0) return `read back to ${formatDay(read.from, timeZone)}`;
  const whole = range.to - range.from;
  const unit = whole >= 2 * DAY ? DAY : HOUR;
  const name = unit === DAY ? 'days' : 'hours';
  const part = span(read.to - read.from, unit, Math.floor);
  return `${formatCount(part)} of ${formatCount(span(whole, unit, Math.ceil))} ${name} read`;
}

/**
 * About how many events reading what the index lacks of `range` costs, at the density of what
 * it holds; undefined when that cannot be said (nothing held to measure by, or a view from the
 * beginning of the log reaching past it, whose start is unknown). A later end after a filter
 * or a Refresh is a few seconds: `unreadEstimate(…)` → a handful, so it is read without asking.
 */
export function unreadEstimate(
  status: IndexStatus,
  range: TimeWindow | undefined,
): number | undefined {
  const { covered, progress } = status;
  if (!range || !covered || status.state !== 'loaded') return undefined;
  if (range.to < covered.from || range.from > covered.to) return undefined;
  if (range.from < covered.from && range.from <= 0) return undefined;
  const density = progress.events / Math.max(1, covered.to - covered.from);
  const older = Math.max(0, covered.from - range.from);
  const newer = range.to > covered.to ? range.to - covered.to + SETTLE_SECONDS : 0;
  return Math.ceil(density * (older + newer));
}

/**
 * Requests that reading `events` the index lacks takes from Pulumi Cloud: its pages, and a last
 * partial page on each side: `unreadRequests(250) === 5`.
 */
export function unreadRequests(events: number): number {
  return Math.ceil(events / PULUMI_PAGE_EVENTS) + 2;
}
