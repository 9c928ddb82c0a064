/** The app's own addresses, in one place so links and redirects agree. */

/** `orgAuditLogPath('acme') === '/orgs/acme/audit-logs'`. */
export function orgAuditLogPath(org: string): string {
  return `/orgs/${encodeURIComponent(org)}/audit-logs`;
}

/** `orgAutomatedExportPath('acme') === '/orgs/acme/audit-logs/automated-export'`. */
export function orgAutomatedExportPath(org: string): string {
  return `${orgAuditLogPath(org)}/automated-export`;
}
