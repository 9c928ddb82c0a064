/**
 * CEF (ArcSight Common Event Format) lines for SIEM import, per API-NOTES.md:
 * `MMM dd HH:mm:ss host CEF:0|Vendor|Product|Version|EventClassId|Name|Severity|Extension`.
 *
 * Choices where Pulumi publishes no values:
 * - Vendor `Pulumi`, Product `Pulumi Cloud`, Version `1.0` (the API's version, not ours).
 * - EventClassId is the event id (`stack-deleted`), Name its display name (`Stack Deleted`).
 * - Severity: 7 for failed authentication, 5 for actions needing org or stack admin, else 3.
 * - The syslog prefix and `rt` are UTC; `host` and `dvchost` are this server's host name.
 * - `msg` (a standard CEF key) carries the description beside the documented keys.
 */
import type { AuditLogEvent } from '../pulumi/wire-types.ts';
import { eventDisplayName } from '../pulumi/event-catalog.ts';
import { showControlPictures } from './control-pictures.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Header fields escape `\` and `|`; line breaks would end the record, so they become spaces;
 * other control characters show as pictures: `escapeCefHeader('a|b') === 'a\\|b'`.
 */
export function escapeCefHeader(value: string): string {
  return showControlPictures(value)
    .replace(/[\\|]/g, (ch) => `\\${ch}`)
    .replace(/\r\n|[\r\n]/g, ' ');
}

/**
 * Extension values escape `\`, `=` and line breaks, and show other control characters as
 * pictures: `escapeCefExtension('a=b') === 'a\\=b'`.
 */
export function escapeCefExtension(value: string): string {
  return showControlPictures(value)
    .replace(/[\\=]/g, (ch) => `\\${ch}`)
    .replace(/\r\n|\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/** The syslog-style prefix date: `cefSyslogTime(0) === 'Jan 01 00:00:00'`. */
export function cefSyslogTime(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time}`;
}

function severity(event: AuditLogEvent): number {
  if (event.authFailure) return 7;
  return event.reqOrgAdmin || event.reqStackAdmin ? 5 : 3;
}

/**
 * One event as a CEF line without its line ending:
 * `May 14 13:44:46 h CEF:0|Pulumi|Pulumi Cloud|1.0|user-login|User Login|3|dvchost=h rt=… …`.
 */
export function eventToCefLine(
  event: AuditLogEvent,
  context: { org: string; host: string },
): string {
  const header = [
    'CEF:0',
    'Pulumi',
    'Pulumi Cloud',
    '1.0',
    event.event,
    eventDisplayName(event.event),
  ]
    .map(escapeCefHeader)
    .join('|');
  const extension: Array<[string, string]> = [
    ['dvchost', context.host],
    ['rt', String(event.timestamp * 1000)],
    ['src', event.sourceIP ?? ''],
    ['suser', event.user.githubLogin],
    ['msg', event.description ?? ''],
    ['orgID', context.org],
    ['userID', event.user.githubLogin],
    ['requireOrgAdmin', String(event.reqOrgAdmin ?? false)],
    ['requireStackAdmin', String(event.reqStackAdmin ?? false)],
    ['authenticationFailure', String(event.authFailure ?? false)],
  ];
  const pairs = extension.map(([key, value]) => `${key}=${escapeCefExtension(value)}`).join(' ');
  return `${cefSyslogTime(event.timestamp)} ${context.host} ${header}|${severity(event)}|${pairs}`;
}
