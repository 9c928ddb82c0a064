import { RANGE_PRESET_LABELS } from '../view/time-range.ts';
import type { AuditLogView } from '../view/view-schema.ts';
import { formatDateTime, formatShortDateTime, inYearOf, zoneOf } from '../../../lib/time-format.ts';

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

/**
 * The same, brief enough for the toolbar's button: a custom range to the minute, without the
 * year when both ends are in `nowSeconds`'s year (the chip below and the button's name say it
 * exactly): `describeTimeRangeBriefly({tz: 'utc', from, to}, now)` → `'Nov 1, 00:00 – Nov 8, 00:00'`.
 */
export function describeTimeRangeBriefly(
  view: AuditLogView,
  nowSeconds: number,
  locale?: string,
): string {
  if (view.range || (view.from === undefined && view.to === undefined))
    return describeTimeRange(view, locale);
  const zone = zoneOf(view.tz);
  const thisYear = inYearOf(nowSeconds, [view.from, view.to], zone);
  const edge = (seconds: number) => formatShortDateTime(seconds, zone, locale, thisYear);
  if (view.from !== undefined && view.to !== undefined)
    return `${edge(view.from)} – ${edge(view.to)}`;
  if (view.from !== undefined) return `Since ${edge(view.from)}`;
  return `Before ${edge(view.to as number)}`;
}
