/**
 * Time ranges of the view: presets are relative (`range=7d`) and resolved to absolute bounds
 * when the view's first page is fetched, so a bookmarked "last 7 days" stays the last 7 days,
 * while the table and its export share one fixed snapshot (decision note 003).
 */
import type {
  AuditLogQuery,
  ResolvedTimeBounds,
  TimeBounds,
} from '../../../lib/audit-log-query.ts';
import type { AuditLogView, RangePreset } from './view-schema.ts';

const HOUR = 3600;
const DAY = 24 * HOUR;

export const RANGE_PRESET_SECONDS: Record<RangePreset, number> = {
  '1h': HOUR,
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  '90d': 90 * DAY,
};

export const RANGE_PRESET_LABELS: Record<RangePreset, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
};

/**
 * The API bounds of a view at `nowSeconds`. An open end becomes `now + 1` (exclusive, so the
 * current second counts) and a later `to` is cut there, so the bounds name a fixed set of
 * events that later appends cannot change:
 * `resolveTimeBounds({range: '1h'}, 7200)` → `{startTime: 3600, endTime: 7201}`.
 */
export function resolveTimeBounds(
  view: Pick<AuditLogView, 'range' | 'from' | 'to'>,
  nowSeconds: number,
): ResolvedTimeBounds {
  const startTime = view.range ? nowSeconds - RANGE_PRESET_SECONDS[view.range] : view.from;
  let endTime = Math.min(view.to ?? Infinity, nowSeconds + 1);
  // A start still in the future: the API refuses start >= end, and such a window is empty anyway.
  if (startTime !== undefined && endTime <= startTime) endTime = startTime + 1;
  return { startTime, endTime };
}

/** One resolution of a view's time range: the bounds and the instant they were resolved at. */
export interface ViewSnapshot {
  bounds: ResolvedTimeBounds;
  /** Unix seconds. */
  asOf: number;
}

/** `resolveSnapshot({}, 100)` → `{bounds: {startTime: undefined, endTime: 101}, asOf: 100}`. */
export function resolveSnapshot(
  view: Pick<AuditLogView, 'range' | 'from' | 'to'>,
  nowSeconds: number,
): ViewSnapshot {
  return { bounds: resolveTimeBounds(view, nowSeconds), asOf: nowSeconds };
}

/** The filters of a view as the API is asked for them (shared with the export). */
export function toAuditLogQuery(
  org: string,
  view: Pick<AuditLogView, 'user' | 'event'>,
  bounds: TimeBounds,
): AuditLogQuery {
  return { org, user: view.user, event: view.event, ...bounds };
}

/** True when the view narrows time at all. */
export function hasTimeFilter(view: Pick<AuditLogView, 'range' | 'from' | 'to'>): boolean {
  return view.range !== undefined || view.from !== undefined || view.to !== undefined;
}

/**
 * The view with its rolling range ("last 7 days", an open end) pinned to the bounds on screen,
 * so a colleague sees these events whenever they open the link:
 * `pinnedView({tz: 'utc', range: '1h'}, {startTime: 3600, endTime: 7201})` →
 * `{tz: 'utc', from: 3600, to: 7201}`. Undefined for a view already fixed at both ends.
 */
export function pinnedView(view: AuditLogView, bounds: TimeBounds): AuditLogView | undefined {
  if (view.range === undefined && view.to !== undefined) return undefined;
  const { range: _rolling, live: _live, ...rest } = view;
  return { ...rest, from: bounds.startTime, to: bounds.endTime };
}
