/**
 * The log view's first page, asked for as the page opens rather than once it has rendered: the
 * router starts it from the address (after the session check), while the page's own code still
 * loads. The page then observes the same query (same key, from the same parse of the URL), so
 * nothing is asked twice.
 */
import type { QueryClient } from '@tanstack/react-query';
import { auditLogQueries, filtersOf } from '../api/audit-log-queries.ts';
import { parseViewParams } from './view-params.ts';

/** `prefetchView(client, 'acme', new URLSearchParams('range=7d'))` starts the 7-day view's page. */
export function prefetchView(queryClient: QueryClient, org: string, params: URLSearchParams) {
  const { view } = parseViewParams(params);
  return queryClient.prefetchInfiniteQuery(auditLogQueries.list(org, filtersOf(view)));
}
