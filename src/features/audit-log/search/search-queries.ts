/**
 * The range index as the page reaches it: one IndexSession per organization, cached like any
 * other answer (so sign-out, which clears the cache, ends its worker), and which service
 * answers `/api` (the embedded one, or Pulumi Cloud through the proxy), and where an
 * organization's log begins and how densely a range holds events (for what reading it costs).
 */
import type { CheckedAuditLogPage } from '../../../../common/pulumi/audit-log-page.ts';
import { queryOptions } from '@tanstack/react-query';
import { InvalidAnswerError, isJsonObject } from '../../../../common/pulumi/invalid-answer.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { getAuditLogPage } from '../../../lib/get-audit-log-page.ts';
import { IndexSession } from '../../../lib/range-index/index-session.ts';
import { auditLogQueries } from '../api/audit-log-queries.ts';
import { PULUMI_PAGE_EVENTS } from '../../../../common/pulumi/api-limits.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';
import { sampleDensity } from './density-sample.ts';
import { findLogStart, type FetchPageBefore, type ProbePage } from './log-start.ts';

export type ApiService = 'embedded' | 'pulumi-cloud';

/** What a probe needs of a page: its size, oldest second (and events there), and whether more follow. */
function probePageOf(page: CheckedAuditLogPage): ProbePage {
  const events = page.auditLogEvents;
  const oldest = events.at(-1)?.timestamp;
  return {
    events: events.length,
    oldest,
    atOldest: events.filter((e) => e.timestamp === oldest).length,
    more: page.continuationToken !== undefined,
  };
}

/** The check of `GET /console/config`: `{"service": "embedded"}`. */
export function checkConsoleConfig(body: unknown): { service: ApiService } {
  if (!isJsonObject(body) || (body.service !== 'embedded' && body.service !== 'pulumi-cloud')) {
    throw new InvalidAnswerError('the console configuration names no service');
  }
  return { service: body.service };
}

/** An index left alone this long (another organization, a closed log) is let go. */
const INDEX_KEPT_MS = 30 * 60_000;

export const searchQueries = {
  config: () =>
    queryOptions({
      queryKey: ['console-config'] as const,
      queryFn: () => apiGet('/console/config', checkConsoleConfig),
      staleTime: Infinity,
    }),
  session: (org: string) =>
    queryOptions({
      queryKey: [...auditLogQueries.org(org), 'range-index'] as const,
      queryFn: () => new IndexSession(org),
      staleTime: Infinity,
      gcTime: INDEX_KEPT_MS,
      // A live object, not data: never copied or merged.
      structuralSharing: false,
    }),
  /** The second of the organization's oldest event, about; null for a log with none. */
  logStart: (org: string) =>
    queryOptions({
      queryKey: [...auditLogQueries.org(org), 'log-start'] as const,
      queryFn: ({ signal }) => {
        // One event is enough to probe with; Pulumi Cloud sends its whole page anyway.
        const fetchBefore: FetchPageBefore = async (endTime) =>
          probePageOf(await getAuditLogPage({ org, endTime }, { pageSize: 1, signal }));
        return findLogStart(fetchBefore, Math.floor(Date.now() / 1000) + 1);
      },
      // A log only grows at its newest end: where it begins does not change.
      staleTime: Infinity,
    }),
  /**
   * The range's events per second, from pages spread across it (`sampleDensity`); `expected` is
   * the first page's guess, which sizes the samples and is not part of the answer.
   */
  density: (org: string, window: TimeWindow, expected: number) =>
    queryOptions({
      queryKey: [...auditLogQueries.org(org), 'density', window, expected] as const,
      queryFn: ({ signal }) =>
        sampleDensity(
          async ({ from, to }) => {
            const query = { org, startTime: from, endTime: to };
            return probePageOf(
              await getAuditLogPage(query, { pageSize: PULUMI_PAGE_EVENTS, signal }),
            );
          },
          window,
          expected,
        ),
      // A range's past does not change (its newest minutes do, by a few events).
      staleTime: Infinity,
    }),
};
