/**
 * The V2 list, page by page, as one infinite query per set of filters. A relative time range is
 * resolved when the first page is fetched and carried to the next pages, because the server
 * scopes continuation tokens to the bounds they were made with.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.ts';
import { auditLogsV2Path, toV2Params, type AuditLogQuery } from '../../../lib/audit-log-query.ts';
import type { AuditLogEvent } from '../../../lib/audit-log-types.ts';
import { resolveTimeBounds, toAuditLogQuery, type TimeBounds } from '../view/time-range.ts';
import type { AuditLogView } from '../view/view-schema.ts';
import { auditLogPageSchema, type CheckedAuditLogPage } from './audit-log-page-schema.ts';

/** Our server's `pageSize` extension; Pulumi Cloud ignores it and picks its own size. */
export const PAGE_SIZE = 100;

/** What the API filters on: the view without its display settings. */
export type AuditLogFilters = Omit<AuditLogView, 'tz'>;

export interface AuditLogPageParam {
  continuationToken: string;
  bounds: TimeBounds;
}

export interface LoadedAuditLogPage {
  events: AuditLogEvent[];
  continuationToken: string | undefined;
  bounds: TimeBounds;
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
  return auditLogPageSchema.parse(body);
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
        const bounds = pageParam?.bounds ?? resolveTimeBounds(filters, nowSeconds());
        const query = toAuditLogQuery(org, filters, bounds);
        const page = await getAuditLogPage(query, pageParam?.continuationToken, signal);
        return { events: page.auditLogEvents, continuationToken: page.continuationToken, bounds };
      },
      initialPageParam: undefined as AuditLogPageParam | undefined,
      getNextPageParam: (last): AuditLogPageParam | undefined =>
        last.continuationToken
          ? { continuationToken: last.continuationToken, bounds: last.bounds }
          : undefined,
    }),
};

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
