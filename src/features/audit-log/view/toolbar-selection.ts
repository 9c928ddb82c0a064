/**
 * What the toolbar's User and Event buttons show and write: the view's `user=`/`event=`, or
 * what the search selects (`user:kim`, `event:a OR category:b`), so a button never says "All"
 * while the search holds a filter. One event type goes to `event=` (the API's fast path);
 * several, or a category, go to the search, which the index answers.
 */
import { findEventType } from '../../../../common/pulumi/event-catalog.ts';
import { parseSearchQuery } from '../../../lib/search-query/parse-search-query.ts';
import type { TextKey } from '../../../lib/search-query/search-query-types.ts';
import {
  selectionOf,
  withSelection,
  type SelectedValue,
} from '../../../lib/search-query/search-selection.ts';
import type { AuditLogView } from './view-schema.ts';

const EVENT_KEYS: readonly TextKey[] = ['event', 'category'];
const USER_KEYS: readonly TextKey[] = ['user'];

export interface ToolbarSelection {
  values: SelectedValue[];
  /** False when the view narrows these keys in a way a picker cannot show. */
  exact: boolean;
}

function selectionOfView(
  view: Pick<AuditLogView, 'q'>,
  keys: readonly TextKey[],
  own: SelectedValue | undefined,
): ToolbarSelection {
  const searched = selectionOf(parseSearchQuery(view.q ?? '').query, keys);
  if (!own) return { values: searched.values, exact: searched.exact };
  // `event=a` and a search of other events mean both: no one list shows that.
  return { values: [own], exact: searched.terms.length === 0 };
}

/** `eventSelectionOf({q: 'event:a-b OR event:c-d'})` → both, exact. */
export function eventSelectionOf(view: Pick<AuditLogView, 'q' | 'event'>): ToolbarSelection {
  const own = view.event ? { key: 'event' as const, value: view.event } : undefined;
  return selectionOfView(view, EVENT_KEYS, own);
}

/** `userSelectionOf({q: 'user:kim'})` → kim. */
export function userSelectionOf(view: Pick<AuditLogView, 'q' | 'user'>): ToolbarSelection {
  const own = view.user ? { key: 'user' as const, value: view.user } : undefined;
  return selectionOfView(view, USER_KEYS, own);
}

const searchOrNothing = (q: string) => q || undefined;

/** The view's change when the Event picker chooses `values` (none: all events). */
export function withEventSelection(
  view: Pick<AuditLogView, 'q'>,
  values: SelectedValue[],
): Pick<AuditLogView, 'q' | 'event'> {
  const [only] = values;
  if (values.length === 1 && only?.key === 'event' && findEventType(only.value)) {
    return { event: only.value, q: searchOrNothing(withSelection(view.q ?? '', EVENT_KEYS, [])) };
  }
  return { event: undefined, q: searchOrNothing(withSelection(view.q ?? '', EVENT_KEYS, values)) };
}

/** The view's change when the User picker chooses `login` (none: all users). */
export function withUserSelection(
  view: Pick<AuditLogView, 'q'>,
  login: string | undefined,
): Pick<AuditLogView, 'q' | 'user'> {
  return { user: login, q: searchOrNothing(withSelection(view.q ?? '', USER_KEYS, [])) };
}
