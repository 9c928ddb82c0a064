/**
 * The log page's one view model: the URL parsed once, the search split once, the list query
 * defined once. The route builds it and hands it to the page, so the table, the toolbar, the
 * range index and the export all read the same object (decision note 016). The model observes
 * the list query's head only (the run's snapshot, the first page, the failure): a later page
 * arriving renders the rows (useRowWindow observes the pages), not the whole page.
 */
import {
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { AuditLogQuery } from '../../../lib/audit-log-query.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';
import {
  auditLogQueries,
  filtersOf,
  type AuditLogFilters,
  type LoadedAuditLogPage,
} from '../api/audit-log-queries.ts';
import { newerEventsQuery, type NewerEvents } from '../api/newer-events-query.ts';
import type { FirstPage } from '../search/index-policy.ts';
import type { IndexQuestion } from '../search/use-index-rows.ts';
import { pinnedView } from './time-range.ts';
import { useAuditLogView, type AuditLogViewState } from './use-audit-log-view.ts';
import { useCanonicalViewUrl, type CanonicalViewUrl } from './use-canonical-view-url.ts';
import { serializeViewParams } from './view-params.ts';
import {
  firstPageOf,
  indexQuestionOf,
  indexSearchOf,
  queryOf,
  rangeOf,
  snapshotOf,
  statusOf,
  type ViewStatus,
} from './view-model.ts';
import { searchOfView, type ViewSearch } from './view-search.ts';

/** The view's list query: its definition, the same for every observer. */
export type ListOptions = ReturnType<typeof auditLogQueries.list>;
/** The list query's pages as the table's rows observe them. */
export type ListQuery = UseInfiniteQueryResult<InfiniteData<LoadedAuditLogPage>>;

export interface AuditLogViewModel extends AuditLogViewState {
  org: string;
  /** What the link held that the view dropped, and why. */
  notice: CanonicalViewUrl;
  /** The view's search, split between the API and the index. */
  search: ViewSearch;
  /** The search the index answers, undefined when the API answers the view alone. */
  indexSearch: { q: string; filter: string } | undefined;
  filters: AuditLogFilters;
  /** The list query the table's rows observe (useRowWindow). */
  listOptions: ListOptions;
  /** The API question of the table's pages; undefined until the first page has loaded. */
  query: AuditLogQuery | undefined;
  /** When the bounds were resolved (Unix seconds). */
  asOf: number | undefined;
  status: ViewStatus;
  /** The view's seconds, once the first page has resolved them. */
  range: TimeWindow | undefined;
  /** The view's question to the index, over its range. */
  question: IndexQuestion;
  /** What the first page says about the range, while that page is in memory. */
  first: FirstPage | undefined;
  /** Starts the view over: every page is fetched again, with bounds resolved now. */
  refresh: () => void;
  /** Only a view open at the end has newer events to bring in. */
  openEnded: boolean;
  /** Following new events (`live=on` on an open-ended view). */
  live: boolean;
  newer: NewerEvents | undefined;
  /** The link to this view with its range pinned to the times on screen. */
  pinnedLink: (() => string) | undefined;
}

/**
 * The first page in memory: everything the page derives reads it alone (every page carries the
 * run's snapshot). Kept equal while it stays the same page, so pages arriving or dropped further
 * down do not render the page (structural sharing keeps the previous result).
 */
const headOf = (data: InfiniteData<LoadedAuditLogPage>) => ({ pages: data.pages.slice(0, 1) });

function useListHead(listOptions: ListOptions) {
  return useInfiniteQuery({ ...listOptions, select: headOf });
}

export function useAuditLogViewModel(org: string): AuditLogViewModel {
  const state = useAuditLogView();
  const { view } = state;
  const notice = useCanonicalViewUrl(state);
  const search = useMemo(() => searchOfView(view), [view]);
  const indexSearch = useMemo(() => indexSearchOf(search), [search]);
  const filters = useMemo(() => filtersOf(view), [view]);
  const listOptions = useMemo(() => auditLogQueries.list(org, filters), [org, filters]);
  const list = useListHead(listOptions);
  const queryClient = useQueryClient();

  const snapshot = snapshotOf(list.data);
  const query = useMemo(() => queryOf(org, filters, snapshot), [org, filters, snapshot]);
  const firstPage = list.data?.pages[0];
  const first = useMemo(() => firstPageOf(firstPage), [firstPage]);
  const range = useMemo(() => rangeOf(snapshot), [snapshot]);
  const question = useMemo(() => indexQuestionOf(search, range), [search, range]);
  // A reset, not a refetch: a refetch would reuse the later pages' old bounds and tokens.
  const refresh = useCallback(() => {
    const { queryKey } = auditLogQueries.list(org, filters);
    void queryClient.resetQueries({ queryKey, exact: true });
  }, [queryClient, org, filters]);

  const openEnded = view.to === undefined && query !== undefined;
  const live = Boolean(view.live) && openEnded;
  const newer = useQuery({
    ...newerEventsQuery(query ?? { org }, live, snapshot && snapshot.asOf * 1000),
    enabled: openEnded,
  }).data;
  useEffect(() => {
    if (live && newer && newer.count > 0) refresh();
  }, [live, newer, refresh]);
  const pinnedLink = useMemo(() => {
    const pinned = query && pinnedView(view, query);
    if (!pinned) return undefined;
    return () =>
      `${window.location.origin}${window.location.pathname}?${serializeViewParams(pinned)}`;
  }, [view, query]);

  return {
    ...state,
    org,
    notice,
    search,
    indexSearch,
    filters,
    listOptions,
    query,
    asOf: snapshot?.asOf,
    status: statusOf(list, org, view),
    range,
    question,
    first,
    refresh,
    openEnded,
    live,
    newer,
    pinnedLink,
  };
}
