/** The app's own addresses, in one place so links and redirects agree. */

/** `orgAuditLogPath('acme') === '/orgs/acme/audit-logs'`. */
export function orgAuditLogPath(org: string): string {
  return `/orgs/${encodeURIComponent(org)}/audit-logs`;
}

/** `orgAutomatedExportPath('acme') === '/orgs/acme/audit-logs/automated-export'`. */
export function orgAutomatedExportPath(org: string): string {
  return `${orgAuditLogPath(org)}/automated-export`;
}

/** `orgAlertsPath('acme', 'failed:true') === '/orgs/acme/alerts?q=failed%3Atrue'`. */
export function orgAlertsPath(org: string, search = ''): string {
  const query = search.trim() === '' ? '' : `?${new URLSearchParams({ q: search.trim() })}`;
  return `/orgs/${encodeURIComponent(org)}/alerts${query}`;
}
