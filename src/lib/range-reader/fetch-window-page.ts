/** The range reader's page fetcher over the V2 list API, through the one page fetcher. */
import type { AuditLogQuery } from '../audit-log-query.ts';
import { LARGEST_PAGE_SIZE } from '../../../common/pulumi/api-limits.ts';
import { createPageFetcher } from '../pager/fetch-audit-log-page.ts';
import type { WindowPageFetcher } from './range-reader.ts';

/**
 * Pages of `query` (user and event filters) within each window's bounds:
 * `createWindowPageFetcher({org: 'acme'})({endTime: 20}, undefined, signal)`.
 */
export function createWindowPageFetcher(
  query: AuditLogQuery,
  pageSize = LARGEST_PAGE_SIZE,
): WindowPageFetcher {
  return (bounds, token, signal) =>
    createPageFetcher({ ...query, ...bounds, startTime: bounds.startTime }, pageSize)(
      token,
      signal,
    );
}

/**
 * The seconds a view covers: from its start (or the beginning) to its end (or the next second
 * after `nowMs`): `viewRange({org: 'a', startTime: 5}, 10_500)` → `{from: 5, to: 11}`.
 */
export function viewRange(query: Pick<AuditLogQuery, 'startTime' | 'endTime'>, nowMs: number) {
  return { from: query.startTime ?? 0, to: query.endTime ?? Math.floor(nowMs / 1000) + 1 };
}
