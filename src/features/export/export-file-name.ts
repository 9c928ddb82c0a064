/**
 * File names for exports: `audit-log_{org}_{from}_{to}[_user-{login}][_event-{id}][_PARTIAL].{ext}`.
 * Times are in the zone the view shows, in ISO 8601 basic format with the offset that marks it
 * (`20261101T000000Z` in UTC, `20261101T010000+0100` in local time: sorts as text, no `:` that
 * Windows refuses); an open lower bound reads `beginning`, an open upper bound `now`. Anything outside
 * `[A-Za-z0-9.-]` in a name part becomes `_`, so a part never adds a separator or a path.
 */
import { formatCompactInstant } from '../../lib/time-format.ts';
import type { AuditLogQuery } from '../../lib/audit-log-query.ts';
import { EXPORT_FORMATS, type ExportFormat } from './export-format.ts';

/** A name part made safe: `safeNamePart('a/b_c') === 'a_b_c'`. */
export function safeNamePart(value: string): string {
  return value.replace(/[^A-Za-z0-9.-]/g, '_');
}

/**
 * The download name of an export:
 * `exportFileName({org: 'acme', user: 'kim'}, 'csv') === 'audit-log_acme_beginning_now_user-kim.csv'`.
 */
export function exportFileName(
  query: AuditLogQuery,
  format: ExportFormat,
  partial = false,
  timeZone: string | undefined = 'UTC',
): string {
  const parts = [
    'audit-log',
    safeNamePart(query.org),
    query.startTime === undefined ? 'beginning' : formatCompactInstant(query.startTime, timeZone),
    query.endTime === undefined ? 'now' : formatCompactInstant(query.endTime, timeZone),
  ];
  if (query.user) parts.push(`user-${safeNamePart(query.user)}`);
  if (query.event) parts.push(`event-${safeNamePart(query.event)}`);
  if (partial) parts.push('PARTIAL');
  return `${parts.join('_')}.${EXPORT_FORMATS[format].extension}`;
}
