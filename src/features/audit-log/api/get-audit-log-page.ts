/**
 * The V2 list, page by page, as one infinite query per set of filters. The time range is
 * resolved once, when the first page is fetched (an open end becomes "now"), and carried to the
 * next pages, because the server scopes continuation tokens to the bounds they were made with;
 * the export reads the same snapshot, so it covers exactly the rows of the table.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.ts';
import { auditLogsV2Path, toV2Params, type AuditLogQuery } from '../../../lib/audit-log-query.ts';
import type { AuditLogEvent } from '../../../lib/audit-log-types.ts';
import { resolveSnapshot, toAuditLogQuery, type ViewSnapshot } from '../view/time-range.ts';
import type { AuditLogView } from '../view/view-schema.ts';
import { checkAuditLogPage, type CheckedAuditLogPage } from './audit-log-page-schema.ts';

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

/** Fetches and checks one V2 page. */
export async function getAuditLogPage(
  query: AuditLogQuery,
  continuationToken: string | undefined,
  signal?: AbortSignal,
): Promise<CheckedAuditLogPage> {
  const body = await apiGet<unknown>(auditLogsV2Path(query.org), {
    query: toV2Params(query, continuationToken, PAGE_SIZE),
    signal,
  });
  return checkAuditLogPage(body);
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
        const page = await getAuditLogPage(query, pageParam?.continuationToken, signal);
        const { auditLogEvents: events, continuationToken } = page;
        return { events, continuationToken, snapshot };
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
