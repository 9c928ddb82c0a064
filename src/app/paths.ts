/** The app's own addresses, in one place so links and redirects agree. */

/** `orgAuditLogPath('acme') === '/orgs/acme/audit-logs'`. */
export function orgAuditLogPath(org: string): string {
  return `/orgs/${encodeURIComponent(org)}/audit-logs`;
}
