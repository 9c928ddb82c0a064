/**
 * Time ranges of the view: presets are relative (`range=7d`) and resolved to absolute bounds
 * when a query is made, so a bookmarked "last 7 days" stays the last 7 days.
 */
import type { AuditLogQuery } from '../../../lib/audit-log-query.ts';
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

export interface TimeBounds {
  /** Inclusive, Unix seconds. */
  startTime?: number;
  /** Exclusive, Unix seconds. */
  endTime?: number;
}

/**
 * The API bounds of a view at `nowSeconds`:
 * `resolveTimeBounds({range: '1h'}, 7200)` → `{startTime: 3600}`.
 */
export function resolveTimeBounds(
  view: Pick<AuditLogView, 'range' | 'from' | 'to'>,
  nowSeconds: number,
): TimeBounds {
  if (view.range) return { startTime: nowSeconds - RANGE_PRESET_SECONDS[view.range] };
  return { startTime: view.from, endTime: view.to };
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
