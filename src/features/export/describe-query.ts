/** The view an export covers, in words for its receipt. */
import type { AuditLogQuery } from '../../lib/audit-log-query.ts';
import { formatUtcInstant } from '../../../common/time/utc-instant.ts';
import { formatDateTime } from '../../lib/time-format.ts';

/**
 * The range as RFC 3339 UTC bounds (lower inclusive, upper exclusive):
 * `describeRange({org: 'a', startTime: 0}, 0) === '1970-01-01T00:00:00Z – now (1970-01-01T00:00:00Z)'`.
 */
export function describeRange(query: AuditLogQuery, startedAtMs: number): string {
  const from = query.startTime === undefined ? 'the beginning' : formatUtcInstant(query.startTime);
  const to =
    query.endTime === undefined
      ? `now (${formatUtcInstant(Math.floor(startedAtMs / 1000))})`
      : formatUtcInstant(query.endTime);
  return `${from} – ${to}`;
}

/** The filters, or `none`: `describeFilters({org: 'a', user: 'kim'}) === 'user kim'`. */
export function describeFilters(query: AuditLogQuery): string {
  const parts: string[] = [];
  if (query.user) parts.push(`user ${query.user}`);
  if (query.event) parts.push(`event ${query.event}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/**
 * The same range in the viewer's local time zone, for people who read the table in local time:
 * `describeLocalRange({org: 'a'}, 0)` starts with `'the beginning – now'`.
 */
export function describeLocalRange(query: AuditLogQuery, startedAtMs: number): string {
  const local = (seconds: number) => formatDateTime(seconds);
  const from = query.startTime === undefined ? 'the beginning' : local(query.startTime);
  const to =
    query.endTime === undefined
      ? `now (${local(Math.floor(startedAtMs / 1000))})`
      : local(query.endTime);
  return `${from} – ${to}`;
}
