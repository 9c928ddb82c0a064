/**
 * What the API is asked for a view: the organization and the filters the V2 list applies
 * server-side. Shared by the table's pager and the export so both ask the very same question.
 */
import type { QueryValue } from './api-client.ts';

export interface AuditLogQuery {
  org: string;
  /** A user's login (`githubLogin`). */
  user?: string;
  /** An event type id, e.g. `stack-deleted`. */
  event?: string;
  /** Inclusive lower bound, Unix seconds. */
  startTime?: number;
  /** Exclusive upper bound, Unix seconds. */
  endTime?: number;
}

/**
 * The API's time bounds of a question, as its `startTime`/`endTime` parameters put them (spans
 * of time themselves are `TimeWindow`s: `../lib/time-window.ts`).
 */
export type TimeBounds = Pick<AuditLogQuery, 'startTime' | 'endTime'>;

/** Bounds with the end fixed: a snapshot of a view, or one window of the range reader. */
export type ResolvedTimeBounds = TimeBounds & { endTime: number };

/** The V2 list path for an org: `auditLogsV2Path('acme') === '/api/orgs/acme/auditlogs/v2'`. */
export function auditLogsV2Path(org: string): string {
  return `/api/orgs/${encodeURIComponent(org)}/auditlogs/v2`;
}

/**
 * The V2 query parameters for one page:
 * `toV2Params({org: 'acme', user: 'kim'})` → `{userFilter: 'kim', ...}`.
 */
export function toV2Params(
  query: AuditLogQuery,
  continuationToken?: string,
  pageSize?: number,
): Record<string, QueryValue> {
  return {
    userFilter: query.user,
    eventFilter: query.event,
    startTime: query.startTime,
    endTime: query.endTime,
    continuationToken,
    // An extension of the embedded service; Pulumi Cloud ignores it and uses its own size.
    pageSize,
  };
}
