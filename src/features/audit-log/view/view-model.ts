/**
 * What the log page derives from its one list query: the snapshot the table asked with, where
 * the first page stands, and what it says about the range. Plain functions of the query's
 * state, so the view model (use-audit-log-view-model.ts) is the only place that observes it.
 */
import type { AuditLogQuery } from '../../../lib/audit-log-query.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';
import { viewRange } from '../../../lib/range-reader/fetch-window-page.ts';
import type { AuditLogFilters, LoadedAuditLogPage } from '../api/audit-log-queries.ts';
import { describeAuditLogError, type AuditLogErrorKind } from '../api/describe-audit-log-error.ts';
import type { FirstPage } from '../search/index-policy.ts';
import type { IndexQuestion } from '../search/use-index-rows.ts';
import { toAuditLogQuery, type ViewSnapshot } from './time-range.ts';
import type { AuditLogView } from './view-schema.ts';
import type { ViewSearch } from './view-search.ts';

/** The list query's pages in memory. */
export interface ListPages {
  pages: LoadedAuditLogPage[];
}

export type ViewStatus =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'empty' }
  | { state: 'failed'; kind: AuditLogErrorKind };

/** The part of the list query's state the page's derivations read. */
export interface ListState {
  data: ListPages | undefined;
  isError: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
}

/**
 * The run's snapshot: every page carries it, so it holds when the first page was dropped;
 * undefined until the first page has loaded.
 */
export const snapshotOf = (data: ListPages | undefined): ViewSnapshot | undefined =>
  data?.pages[0]?.snapshot;

/** The API question of the table's pages (the export asks exactly it). */
export function queryOf(
  org: string,
  filters: AuditLogFilters,
  snapshot: ViewSnapshot | undefined,
): AuditLogQuery | undefined {
  return snapshot ? toAuditLogQuery(org, filters, snapshot.bounds) : undefined;
}

/**
 * Where the view's first page stands: `{state: 'failed'}` for an error other than a later
 * page's (that one shows in the table's footer), `'empty'` for a first page without events.
 */
export function statusOf(list: ListState, org: string, view: AuditLogView): ViewStatus {
  if (list.isError && !list.isFetchNextPageError) {
    return { state: 'failed', kind: describeAuditLogError(list.error, org, view.user).kind };
  }
  if (list.data === undefined) return { state: 'loading' };
  return { state: (list.data.pages[0]?.events.length ?? 0) === 0 ? 'empty' : 'ready' };
}

/** The view's seconds, from the run's snapshot: `{from: startTime ?? 0, to: endTime}`. */
export function rangeOf(snapshot: ViewSnapshot | undefined): TimeWindow | undefined {
  return snapshot && viewRange(snapshot.bounds, snapshot.asOf * 1000);
}

/**
 * What the first page says about the range, while it is in memory (it is dropped far down a
 * long log): its size, its newest and oldest seconds, and whether more pages follow.
 */
export function firstPageOf(first: LoadedAuditLogPage | undefined): FirstPage | undefined {
  if (!first || first.param.rowOffset !== 0) return undefined;
  const oldest = first.events.at(-1)?.timestamp;
  return {
    events: first.events.length,
    newest: first.events[0]?.timestamp,
    oldest,
    atOldest: first.events.filter((e) => e.timestamp === oldest).length,
    more: first.continuationToken !== undefined,
  };
}

/** The search the index answers for this view, or undefined when the API answers it alone. */
export function indexSearchOf(search: ViewSearch): { q: string; filter: string } | undefined {
  return search.needsIndex ? { q: search.indexQuery, filter: search.indexFilter } : undefined;
}

/** The view's question to the index, over the view's range (whoever answers the view). */
export function indexQuestionOf(search: ViewSearch, range: TimeWindow | undefined): IndexQuestion {
  return { q: search.indexQuery, filter: search.indexFilter, window: range };
}
