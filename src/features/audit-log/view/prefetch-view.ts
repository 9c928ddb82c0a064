/**
 * The log view's first answers, asked for as the page opens rather than once it has rendered:
 * the router starts them from the address (after the session check), while the page's own code
 * still loads. The page then observes the same queries (same keys, from the same parse of the
 * URL), so nothing is asked twice:
 * - the view's first page, for the table;
 * - which service answers `/api`, which decides whether the range is read by itself: on the
 *   embedded service the read starts as soon as the page renders, not one answer later;
 * - the organization's range index, started on what this browser kept: its worker loads and
 *   opens the kept index meanwhile, where a read waits for both.
 */
import type { QueryClient } from '@tanstack/react-query';
import { auditLogQueries, filtersOf } from '../api/audit-log-queries.ts';
import { searchQueries } from '../search/search-queries.ts';
import { parseViewParams } from './view-params.ts';

/** `prefetchView(client, 'acme', new URLSearchParams('range=7d'))` starts the 7-day view's page. */
export function prefetchView(queryClient: QueryClient, org: string, params: URLSearchParams) {
  const { view } = parseViewParams(params);
  return Promise.all([
    queryClient.prefetchInfiniteQuery(auditLogQueries.list(org, filtersOf(view))),
    queryClient.prefetchQuery(searchQueries.config()),
    queryClient.fetchQuery(searchQueries.session(org)).then((session) => session.restore()),
  ]);
}
