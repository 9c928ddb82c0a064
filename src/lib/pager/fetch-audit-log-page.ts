/**
 * The pager's view of the one page fetcher: a function of the continuation token alone, bound to
 * a view and to the bulk page size, which tests replace with scripted answers.
 */
import { LARGEST_PAGE_SIZE } from '../../../common/pulumi/api-limits.ts';
import type { AuditLogQuery } from '../audit-log-query.ts';
import { getAuditLogPage } from '../get-audit-log-page.ts';
import type { PageFetcher } from '../../../common/pulumi/retrying-fetcher.ts';

/**
 * A `PageFetcher` for `query`: `createPageFetcher({org: 'acme'})(undefined, signal)`. Pages are
 * the largest the embedded service allows, so a million events take a hundred requests; Pulumi
 * Cloud ignores the size and pages at its own.
 */
export function createPageFetcher(query: AuditLogQuery, pageSize = LARGEST_PAGE_SIZE): PageFetcher {
  return (continuationToken, signal) =>
    getAuditLogPage(query, { continuationToken, pageSize, signal });
}
