/**
 * The view as an API request for scripts: the V2 export URL and a curl command. The console's
 * own origin answers `/api` (the embedded service, or Pulumi Cloud through the proxy), so the
 * URL works against whichever the console reads. The token stays a placeholder.
 */
import { PULUMI_ACCEPT } from '../../../../common/pulumi/api-limits.ts';
import { auditLogsV2Path, toV2Params, type AuditLogQuery } from '../../../lib/audit-log-query.ts';
import { withQuery } from '../../../lib/api-client.ts';

/** What a script sets: `export PULUMI_ACCESS_TOKEN=…`, never the signed-in token. */
export const TOKEN_PLACEHOLDER = '$PULUMI_ACCESS_TOKEN';

/**
 * `exportUrl('https://c.example', {org: 'acme', user: 'kim', startTime: 5})` →
 * `'https://c.example/api/orgs/acme/auditlogs/v2/export?userFilter=kim&startTime=5&format=csv'`.
 */
export function exportUrl(origin: string, query: AuditLogQuery, format: 'csv' | 'cef' = 'csv') {
  return (
    origin + withQuery(`${auditLogsV2Path(query.org)}/export`, { ...toV2Params(query), format })
  );
}

/** Single-quotes a shell word (a `'` inside becomes `'\''`). */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A curl command that saves the view's CSV (the export is gzip-compressed, hence --compressed). */
export function curlCommand(url: string): string {
  return [
    'curl --compressed --fail',
    `  -H ${shellQuote(`Accept: ${PULUMI_ACCEPT}`)}`,
    `  -H "Authorization: token ${TOKEN_PLACEHOLDER}"`,
    `  ${shellQuote(url)}`,
    '  -o audit-log.csv',
  ].join(' \\\n');
}
