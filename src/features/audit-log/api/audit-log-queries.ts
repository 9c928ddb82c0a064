/**
 * The V2 list, page by page, as one infinite query per set of filters. The time range is
 * resolved once, when the first page is fetched (an open end becomes "now"), and carried to the
 * next pages, because the server scopes continuation tokens to the bounds they were made with;
 * the export reads the same snapshot, so it covers exactly the rows of the table.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { getAuditLogPage } from '../../../lib/get-audit-log-page.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { resolveSnapshot, toAuditLogQuery, type ViewSnapshot } from '../view/time-range.ts';
import type { AuditLogView } from '../view/view-schema.ts';

/** Our server's `pageSize` extension; Pulumi Cloud ignores it and picks its own size. */
export const PAGE_SIZE = 100;

/** What the API filters on: the view without its display settings. */
export type AuditLogFilters = Omit<AuditLogView, 'tz'>;

export interface AuditLogPageParam {
  continuationToken: string;
  snapshot: ViewSnapshot;
}

export interface LoadedAuditLogPage {
  events: AuditLogEvent[];
  continuationToken: string | undefined;
  /** The bounds every page of this run was asked with. */
  snapshot: ViewSnapshot;
}

/** The filters of a view, for query keys: `filtersOf({tz: 'utc', user: 'kim'})` → `{user: 'kim'}`. */
export function filtersOf(view: AuditLogView): AuditLogFilters {
  const { tz: _tz, ...filters } = view;
  return filters;
}

export const auditLogQueries = {
  all: () => ['audit-logs'] as const,
  org: (org: string) => [...auditLogQueries.all(), org] as const,
  list: (org: string, filters: AuditLogFilters) =>
    infiniteQueryOptions({
      queryKey: [...auditLogQueries.org(org), 'list', filters] as const,
      queryFn: async ({ pageParam, signal }): Promise<LoadedAuditLogPage> => {
        const snapshot = pageParam?.snapshot ?? resolveSnapshot(filters, nowSeconds());
        const query = toAuditLogQuery(org, filters, snapshot.bounds);
        const continuationToken = pageParam?.continuationToken;
        const page = await getAuditLogPage(query, {
          continuationToken,
          pageSize: PAGE_SIZE,
          signal,
        });
        return {
          events: page.auditLogEvents,
          continuationToken: page.continuationToken,
          snapshot,
        };
      },
      initialPageParam: undefined as AuditLogPageParam | undefined,
      getNextPageParam: (last): AuditLogPageParam | undefined =>
        last.continuationToken
          ? { continuationToken: last.continuationToken, snapshot: last.snapshot }
          : undefined,
      // A view is a snapshot: refetching it in place would ask page 1 with new bounds and the
      // later pages with their old ones. Only a new view or Refresh (a reset) fetches again.
      staleTime: Infinity,
    }),
};

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
