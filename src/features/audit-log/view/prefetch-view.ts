/**
 * The log view's first answers, asked for as the page opens rather than once it has rendered:
 * the router starts them from the address, alongside the session check, while the page's own
 * code still loads. The page then observes the same queries (same keys, from the same parse of
 * the URL), so nothing is asked twice:
 * - the view's first page, for the table (a lost session answers it 401, as it answers the
 *   session check: one request more on the way to sign-in, where every visit saves a round trip);
 * - which service answers `/api`, which decides whether the range is read by itself;
 * - the organization's range index, started on what this browser kept, and, where the range is
 *   read by itself, reading it alongside the first page: the view's end is fixed here, before
 *   that page is asked, so the read need not wait for its answer (a round trip and the service's
 *   time for a page). A first page that fails for good (a member, not an admin; an
 *   organization without audit logs; a lost session; a service failing past the retries)
 *   withdraws the read: the page shows that failure, once. An attempt the page retries leaves
 *   the read running. The page asks for the same range; a read under way is not started again.
 */
import type { QueryClient } from '@tanstack/react-query';
import { auditLogQueries, filtersOf, openingSnapshot } from '../api/audit-log-queries.ts';
import { readsByItself } from '../search/index-policy.ts';
import { searchQueries } from '../search/search-queries.ts';
import { rangeOf, snapshotOf } from './view-model.ts';
import { parseViewParams } from './view-params.ts';

/** `prefetchView(client, 'acme', new URLSearchParams('range=7d'))` starts the 7-day view's page. */
export async function prefetchView(queryClient: QueryClient, org: string, params: URLSearchParams) {
  const { view } = parseViewParams(params);
  const filters = filtersOf(view);
  // A view already asked for (the page's code came first, or it is in memory) keeps its own
  // snapshot: the range is known once its first page is.
  const { queryKey } = auditLogQueries.list(org, filters);
  const opening = queryClient.getQueryState(queryKey) ? undefined : openingSnapshot(filters);
  const pages = queryClient.fetchInfiniteQuery(auditLogQueries.list(org, filters, opening));
  // Its failure is the page's to show; here it only withdraws the read.
  pages.catch(() => undefined);
  const [config, session] = await Promise.all([
    queryClient.fetchQuery(searchQueries.config()),
    queryClient.fetchQuery(searchQueries.session(org)).then((session) => {
      session.restore();
      return session;
    }),
  ]);
  if (!readsByItself(config.service, undefined)) return;
  const early = rangeOf(opening);
  if (!early) {
    const range = rangeOf(snapshotOf(await pages));
    if (range) session.cover(range);
    return;
  }
  // Failed for good already (refused, or its retries spent): nothing to read.
  if (queryClient.getQueryState(queryKey)?.status === 'error') return;
  session.cover(early);
  await pages.catch(() => session.withdraw(early));
}
