/**
 * The V2 list, page by page, as one infinite query per set of filters. The time range is
 * resolved once, when the first page is fetched (an open end becomes "now"), and carried to the
 * next pages, because the server scopes continuation tokens to the bounds they were made with;
 * the export reads the same snapshot, so it covers exactly the rows of the table.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { getAuditLogPage } from '../../../lib/get-audit-log-page.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { resolveSnapshot, toAuditLogQuery, type ViewSnapshot } from '../view/time-range.ts';
import type { AuditLogView } from '../view/view-schema.ts';
import { searchOfView } from '../view/view-search.ts';
import { sharePages } from './share-pages.ts';

/**
 * Our server's `pageSize` extension (up to `LARGEST_PAGE_SIZE`); Pulumi Cloud ignores it and sends
 * about 100. A thousand rows is a fetch every 44,000 px of scrolling, yet parsing one page stays
 * well under a frame.
 */
export const PAGE_SIZE = 1000;
/** The first page is small, so the first rows show as soon as possible. */
export const FIRST_PAGE_SIZE = 100;
/**
 * Pages kept in memory per view: past this, loading a page drops the one at the far end (it is
 * fetched again on the way back), so a long session holds a window of rows, not the whole log.
 */
export const MAX_PAGES = 20;

/** What the API filters on: the view's time range and the user and event its search names. */
export type AuditLogFilters = Pick<AuditLogView, 'user' | 'event' | 'range' | 'from' | 'to'>;

/** How to fetch one page again: its token, the run's bounds, and where its rows start. */
export interface AuditLogPageParam {
  continuationToken: string | undefined;
  snapshot: ViewSnapshot;
  /** The index of the page's first row in the view. */
  rowOffset: number;
  /** The page before it, so a dropped page can be fetched again on the way back. */
  previous: AuditLogPageParam | undefined;
}

export interface LoadedAuditLogPage {
  events: AuditLogEvent[];
  continuationToken: string | undefined;
  /** The bounds every page of this run was asked with. */
  snapshot: ViewSnapshot;
  /** What this page was fetched with (the first page's holds the bounds resolved for it). */
  param: AuditLogPageParam;
}

/**
 * The API filters of a view, for query keys: `filtersOf({tz: 'utc', q: 'user:kim'})` →
 * `{user: 'kim'}`. Display settings, the open event and what only the index answers are left
 * out, so changing them does not fetch the table again.
 */
export function filtersOf(view: AuditLogView): AuditLogFilters {
  const { user, event } = searchOfView(view).api;
  const filters: AuditLogFilters = { user, event, range: view.range, from: view.from, to: view.to };
  for (const key of Object.keys(filters) as (keyof AuditLogFilters)[]) {
    if (filters[key] === undefined) delete filters[key];
  }
  return filters;
}

export const auditLogQueries = {
  all: () => ['audit-logs'] as const,
  org: (org: string) => [...auditLogQueries.all(), org] as const,
  /**
   * `opening`: the snapshot the first page is asked with, when whoever starts the view needs
   * its bounds before the answer (prefetch-view.ts reads the range alongside that page).
   * Otherwise the first fetch resolves it from the clock.
   */
  list: (org: string, filters: AuditLogFilters, opening?: ViewSnapshot) =>
    infiniteQueryOptions({
      queryKey: [...auditLogQueries.org(org), 'list', filters] as const,
      queryFn: async ({ pageParam, signal }): Promise<LoadedAuditLogPage> => {
        const param = pageParam ?? firstPageParam(openingSnapshot(filters));
        const query = toAuditLogQuery(org, filters, param.snapshot.bounds);
        const { continuationToken } = param;
        const pageSize = param.rowOffset === 0 ? FIRST_PAGE_SIZE : PAGE_SIZE;
        const page = await getAuditLogPage(query, { continuationToken, pageSize, signal });
        const { auditLogEvents: events } = page;
        return {
          events,
          continuationToken: page.continuationToken,
          snapshot: param.snapshot,
          param,
        };
      },
      initialPageParam: (opening && firstPageParam(opening)) as AuditLogPageParam | undefined,
      getNextPageParam: (last): AuditLogPageParam | undefined =>
        last.continuationToken
          ? {
              continuationToken: last.continuationToken,
              snapshot: last.snapshot,
              rowOffset: last.param.rowOffset + last.events.length,
              previous: last.param,
            }
          : undefined,
      getPreviousPageParam: (first): AuditLogPageParam | undefined => first.param.previous,
      maxPages: MAX_PAGES,
      structuralSharing: sharePages,
      // A view is a snapshot: refetching it in place would ask page 1 with new bounds and the
      // later pages with their old ones. Only a new view or Refresh (a reset) fetches again.
      staleTime: Infinity,
    }),
};

function firstPageParam(snapshot: ViewSnapshot): AuditLogPageParam {
  return { continuationToken: undefined, snapshot, rowOffset: 0, previous: undefined };
}

/** The snapshot a view opened now is asked with: an open end becomes this second. */
export function openingSnapshot(filters: AuditLogFilters): ViewSnapshot {
  return resolveSnapshot(filters, nowSeconds());
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
