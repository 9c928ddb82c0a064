/**
 * One V2 list page for a view, through the one API client, checked at the boundary. Runs in
 * workers as well as on the main thread; the session cookie authenticates it.
 */
import { apiGet } from '../api-client.ts';
import type { AuditLogPage } from '../audit-log-types.ts';
import { auditLogsV2Path, toV2Params, type AuditLogQuery } from '../audit-log-query.ts';
import { assertAuditLogPage } from './validate-page.ts';

/** Fetches one page; what the pager calls, and what tests replace. */
export type PageFetcher = (
  continuationToken: string | undefined,
  signal: AbortSignal,
) => Promise<AuditLogPage>;

/**
 * Events per page: the largest the embedded service allows, so a million events take a hundred
 * requests. Pulumi Cloud ignores the parameter and pages at its own size.
 */
export const BULK_PAGE_SIZE = 10_000;

/** A `PageFetcher` for `query`: `createPageFetcher({org: 'acme'})(undefined, signal)`. */
export function createPageFetcher(query: AuditLogQuery, pageSize = BULK_PAGE_SIZE): PageFetcher {
  return async (continuationToken, signal) => {
    const body = await apiGet<unknown>(auditLogsV2Path(query.org), {
      query: toV2Params(query, continuationToken, pageSize),
      signal,
    });
    return assertAuditLogPage(body);
  };
}
