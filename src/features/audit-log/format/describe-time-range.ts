import { RANGE_PRESET_LABELS } from '../view/time-range.ts';
import type { AuditLogView } from '../view/view-schema.ts';
import { formatDateTime, zoneOf } from '../../../lib/time-format.ts';

/**
 * The time range of a view in words, in the view's zone:
 * `describeTimeRange({tz: 'utc', range: '7d'}) === 'Last 7 days'`; no range is `'All time'`.
 */
export function describeTimeRange(view: AuditLogView, locale?: string): string {
  if (view.range) return RANGE_PRESET_LABELS[view.range];
  const zone = zoneOf(view.tz);
  const suffix = view.tz === 'utc' ? ' UTC' : '';
  const edge = (seconds: number) => formatDateTime(seconds, zone, locale) + suffix;
  if (view.from !== undefined && view.to !== undefined)
    return `${edge(view.from)} – ${edge(view.to)}`;
  if (view.from !== undefined) return `Since ${edge(view.from)}`;
  if (view.to !== undefined) return `Before ${edge(view.to)}`;
  return 'All time';
}
