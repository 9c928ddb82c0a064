/**
 * Events logged after the view's snapshot: the view is fixed so that its count and its export
 * agree, and this says how many newer events a Refresh (or `live=on`) would bring in. One small
 * page, asked again while the tab is visible (react-query pauses the interval when it is hidden),
 * less often after a failure, so a shared rate limit is not spent on a background question.
 */
import { queryOptions } from '@tanstack/react-query';
import { getAuditLogPage } from '../../../lib/get-audit-log-page.ts';
import type { AuditLogQuery } from '../../../lib/audit-log-query.ts';
import { auditLogQueries } from './audit-log-queries.ts';

/** How often to ask; following new events (`live=on`) asks more often. */
export const NEWER_POLL_MS = 20_000;
export const LIVE_POLL_MS = 10_000;
/** After a failure (a 429 included) wait this long before asking again. */
const FAILED_POLL_MS = 5 * 60_000;
/** One page is enough to say "100+ newer events". */
const NEWER_PAGE_SIZE = 100;

/**
 * Whether a list request (by its address) is this check: the only list request open at its end.
 * The table's pages, the index's reads and DOWNLOAD all ask within a snapshot, which has an end
 * (`endTime`); so a request after a DOWNLOAD click with none is the check, running on its own
 * clock, not a request of the DOWNLOAD (decision note 016):
 * `isNewerEventsCheck('/api/orgs/acme/auditlogs/v2?startTime=99&pageSize=100') === true`.
 */
export function isNewerEventsCheck(address: string): boolean {
  return !new URL(address, 'http://x').searchParams.has('endTime');
}

export interface NewerEvents {
  count: number;
  /** More than `count`: the page was full. */
  more: boolean;
}

const NOTHING_NEWER: NewerEvents = { count: 0, more: false };

/**
 * The newer events of `query` (the view's snapshot, its end exclusive):
 * `newerEventsQuery({org: 'acme', endTime: 100}, false)` asks from second 99 and counts from 100.
 * Given when the snapshot was taken (`takenAtMs`), the first check waits one interval from then:
 * a view just opened has nothing newer yet, and its first seconds' requests (its first page, the
 * range read) need a shared rate limit more. A snapshot older than that is checked at once.
 */
export function newerEventsQuery(query: AuditLogQuery, live: boolean, takenAtMs?: number) {
  const pollMs = live ? LIVE_POLL_MS : NEWER_POLL_MS;
  return queryOptions({
    queryKey: [...auditLogQueries.org(query.org), 'newer', query] as const,
    queryFn: async ({ signal }): Promise<NewerEvents> => {
      const end = query.endTime ?? 0;
      // A second wider at the start, whatever the API's bounds mean; counted from `end` exactly.
      const newer = { ...query, startTime: end - 1, endTime: undefined };
      const page = await getAuditLogPage(newer, { pageSize: NEWER_PAGE_SIZE, signal });
      const count = page.auditLogEvents.filter((event) => event.timestamp >= end).length;
      return { count, more: page.continuationToken !== undefined };
    },
    refetchInterval: (q) => (q.state.status === 'error' ? FAILED_POLL_MS : pollMs),
    retry: false,
    ...(takenAtMs === undefined
      ? { staleTime: 0 }
      : { initialData: NOTHING_NEWER, initialDataUpdatedAt: takenAtMs, staleTime: pollMs }),
  });
}
