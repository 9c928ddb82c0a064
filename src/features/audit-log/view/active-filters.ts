/**
 * The filters a view applies, each with the words that name it and the change that removes it:
 * one list for the chips above the table and for the empty state that says what excludes
 * everything.
 */
import type { EventType } from '../../../../common/pulumi/wire-types.ts';
import { describeTimeRange } from '../format/describe-time-range.ts';
import { hasTimeFilter } from './time-range.ts';
import type { AuditLogView } from './view-schema.ts';

export type FilterKey = 'search' | 'user' | 'event' | 'time';

export interface ActiveFilter {
  key: FilterKey;
  /** What kind of filter: "Search", "User", "Event", "Time". */
  label: string;
  /** Its value in words: the login, the event's display name, "Last 7 days". */
  value: string;
  /** The view without this filter. */
  without: AuditLogView;
}

/**
 * The view's filters in display order:
 * `activeFilters({tz: 'utc', user: 'kim'}, [])` → `[{key: 'user', label: 'User', value: 'kim', …}]`.
 */
export function activeFilters(
  view: AuditLogView,
  eventTypes: readonly EventType[],
): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  if (view.q) {
    filters.push({
      key: 'search',
      label: 'Search',
      value: view.q,
      without: { ...view, q: undefined },
    });
  }
  if (view.user) {
    filters.push({
      key: 'user',
      label: 'User',
      value: view.user,
      without: { ...view, user: undefined },
    });
  }
  if (view.event) {
    const name = eventTypes.find((type) => type.event === view.event)?.displayName ?? view.event;
    filters.push({
      key: 'event',
      label: 'Event',
      value: name,
      without: { ...view, event: undefined },
    });
  }
  if (hasTimeFilter(view)) {
    filters.push({
      key: 'time',
      label: 'Time',
      value: describeTimeRange(view),
      without: { ...view, range: undefined, from: undefined, to: undefined },
    });
  }
  return filters;
}
