/**
 * What a view asks of the API and what of the range index. Pulumi's list filters by one user,
 * one event type and time; a search (`q=`) that adds nothing else still goes to the API, so the
 * table's first rows come at once. Anything more is answered by the index, which holds the
 * whole range unfiltered, so the index is asked the whole question: the search, and the
 * `user=`/`event=` filters as terms every match must also meet.
 */
import { parseSearchQuery } from '../../../lib/search-query/parse-search-query.ts';
import type { SearchQueryError, SearchTerm } from '../../../lib/search-query/search-query-types.ts';
import { serializeSearchQuery } from '../../../lib/search-query/serialize-search-query.ts';
import { splitForApi } from '../../../lib/search-query/split-for-api.ts';
import type { AuditLogView } from './view-schema.ts';

export interface ViewSearch {
  /** The user and event the API is asked for. */
  api: { user?: string; event?: string };
  /** The search as the index reads it ('' for everything)… */
  indexQuery: string;
  /** …and the `user=`/`event=` filters, which every match must meet too. */
  indexFilter: string;
  /** True when only the index can answer the view (the table then shows its rows). */
  needsIndex: boolean;
  /** Terms of `q` that could not be read. */
  errors: SearchQueryError[];
}

const field = (key: 'user' | 'event', value: string): SearchTerm => ({
  kind: 'field',
  key,
  value,
  negated: false,
});

/**
 * `searchOfView({tz: 'local', q: 'user:kim'})` → API user `kim`, no index needed;
 * `searchOfView({tz: 'local', q: 'failed:true', user: 'kim'})` → the index, `failed:true` for `user:kim`.
 */
export function searchOfView(view: Pick<AuditLogView, 'q' | 'user' | 'event'>): ViewSearch {
  const { query, errors } = parseSearchQuery(view.q ?? '');
  const split = splitForApi(query);
  const clash = (view.user && split.user) || (view.event && split.event);
  const needsIndex = split.rest.terms.length > 0 || Boolean(clash);
  const filters = [
    ...(view.user ? [field('user', view.user)] : []),
    ...(view.event ? [field('event', view.event)] : []),
  ];
  return {
    api: needsIndex
      ? { user: view.user, event: view.event }
      : { user: view.user ?? split.user, event: view.event ?? split.event },
    indexQuery: serializeSearchQuery(query),
    indexFilter: serializeSearchQuery({ terms: filters }),
    needsIndex,
    errors,
  };
}
