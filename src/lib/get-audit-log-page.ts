/**
 * The one fetcher of a V2 list page, for the table's pages and for every whole-range reader:
 * the one API client, the one page check at the boundary. Runs on the main thread and in
 * workers; the session cookie authenticates it.
 */
import { checkAuditLogPage, type CheckedAuditLogPage } from '../../common/pulumi/audit-log-page.ts';
import { apiGet } from './api-client.ts';
import { auditLogsV2Path, toV2Params, type AuditLogQuery } from './audit-log-query.ts';

export interface PageRequest {
  /** The token of the page to read; undefined reads the newest page of the view. */
  continuationToken?: string;
  /** Our server's `pageSize` extension; Pulumi Cloud ignores it and picks its own size. */
  pageSize?: number;
  signal?: AbortSignal;
}

/**
 * Fetches and checks one page of `query`:
 * `getAuditLogPage({org: 'acme', user: 'kim'}, {pageSize: 100})` → `{auditLogEvents, continuationToken}`.
 */
export function getAuditLogPage(
  query: AuditLogQuery,
  { continuationToken, pageSize, signal }: PageRequest = {},
): Promise<CheckedAuditLogPage> {
  return apiGet(auditLogsV2Path(query.org), checkAuditLogPage, {
    query: toV2Params(query, continuationToken, pageSize),
    signal,
  });
}
