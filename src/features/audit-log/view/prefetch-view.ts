/**
 * The log view's first answers, asked for as the page opens rather than once it has rendered:
 * the router starts them from the address, alongside the session check, while the page's own
 * code still loads. The page then observes the same queries (same keys, from the same parse of
 * the URL), so nothing is asked twice:
 * - the view's first page, for the table (a lost session answers it 401, as it answers the
 *   session check: one request more on the way to sign-in, where every visit saves a round trip);
 * - which service answers `/api`, which decides whether the range is read by itself;
 * - the organization's range index, started on what this browser kept, and, where the range is
 *   read by itself, reading it as soon as the first page has fixed its end: not after the page
 *   has rendered that page (a fifth of a second on a first visit). A first page that fails
 *   (a member, not an admin; an organization without audit logs) reads nothing more. The page
 *   asks for the same range; a read already under way is not started again.
 */
import type { QueryClient } from '@tanstack/react-query';
import { auditLogQueries, filtersOf } from '../api/audit-log-queries.ts';
import { readsByItself } from '../search/index-policy.ts';
import { searchQueries } from '../search/search-queries.ts';
import { rangeOf, snapshotOf } from './view-model.ts';
import { parseViewParams } from './view-params.ts';

/** `prefetchView(client, 'acme', new URLSearchParams('range=7d'))` starts the 7-day view's page. */
export async function prefetchView(queryClient: QueryClient, org: string, params: URLSearchParams) {
  const { view } = parseViewParams(params);
  const list = auditLogQueries.list(org, filtersOf(view));
  const [pages, config, session] = await Promise.all([
    queryClient.fetchInfiniteQuery(list),
    queryClient.fetchQuery(searchQueries.config()),
    queryClient.fetchQuery(searchQueries.session(org)).then((session) => {
      session.restore();
      return session;
    }),
  ]);
  const range = rangeOf(snapshotOf(pages));
  if (range && readsByItself(config.service, undefined)) session.cover(range);
}
