/**
 * The table's one row window, whatever the source: the API's pages (fetched around the rows in
 * view) or the range index's pages. A view only the index can answer (a search the API cannot
 * filter) reads the index; any other view reads the API's pages until the index holds the
 * view's range whole and has answered the page of the rows in view, then the index's: the rows
 * in view never turn into "Loading…" at the switch, and once switched the view stays on the
 * index (its rows and order are the API's: the index keeps the events as the API sent them).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { IndexSession, IndexStatus } from '../../../lib/range-index/index-session.ts';
import type { LoadedRows } from '../api/loaded-rows.ts';
import type { ViewCoverage } from '../search/view-coverage.ts';
import { useIndexRows, type IndexQuestion } from '../search/use-index-rows.ts';
import type { ListOptions, ListQuery } from '../view/use-audit-log-view-model.ts';
import { useFetchAround } from './use-fetch-around.ts';
import { useSettledRange, type RowRange } from './use-settled-range.ts';
import { useViewRows } from './use-view-rows.ts';

export interface RowWindowIndex {
  session: IndexSession | undefined;
  status: IndexStatus;
  coverage: ViewCoverage;
  /** The view's question to the index, over the view's range. */
  question: IndexQuestion;
  /** Only the index can answer the view (a search the API cannot filter). */
  only: boolean;
  /** The index's answer for the view: matches known so far, and whether it is still reading. */
  count: number | undefined;
  reading: boolean;
  /**
   * The index holds the view's range whole or is about to (it reads it, will read it by itself,
   * or is still finding out whether to): the rows below the first page come from it.
   */
  coming: boolean;
}

export interface RowWindow {
  /** The view's list query, observed here for its pages. */
  list: ListQuery;
  source: 'api' | 'index';
  rows: LoadedRows;
  rowCount: number;
  /** More rows may follow (the row count is then a lower bound). */
  hasMore: boolean;
  /** Rows are being read: the next API page, or the range by the index. */
  loadingMore: boolean;
  /** Only the index can answer the view and has not yet. */
  pending: boolean;
  /** The next API page failed (the footer offers to try again). */
  loadFailed: boolean;
  retry: () => void;
  /** The rows rendered, once they stop moving (use-settled-range.ts). */
  visible: RowRange;
  /** The table's: the first and last row rendered, and the first in view. */
  onRangeChange: (first: number, last: number, top: number) => void;
  /** Loads the index's rows around the second `at` (a linked event's), so its row can be found. */
  seek: (at: number) => void;
}

/** Every row from `first` to `last` (at least row 0) is in memory, or there are none. */
export function holdsRows(
  rows: LoadedRows,
  count: number | undefined,
  { first, last }: RowRange,
): boolean {
  if (count === undefined) return false;
  const end = Math.min(Math.max(last, first, 0), count - 1);
  for (let index = Math.max(0, first); index <= end; index++) {
    if (rows.at(index) === undefined) return false;
  }
  return true;
}

export function useRowWindow(listOptions: ListOptions, index: RowWindowIndex): RowWindow {
  const list: ListQuery = useInfiniteQuery(listOptions);
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  const api = useViewRows(data);
  // The index brings the rows below: the table asks the API for no page ahead of the top.
  const apiRangeChange = useFetchAround(list, data?.pages.length ?? 0, api.rows, index.coming);
  const { only, coverage, question } = index;
  const holds = !only && coverage.kind === 'complete';
  const wanted = only || holds;
  const fromIndex = useIndexRows(
    wanted ? index.session : undefined,
    question,
    only ? (index.count ?? 0) : undefined,
    index.status.covered,
  );
  const { range: visible, moving, change: changeVisible } = useSettledRange();

  // The switch, once per run of the view (a new view or Refresh starts on the API's pages).
  const snapshot = data?.pages[0]?.snapshot;
  const run = useMemo(() => JSON.stringify([question, snapshot]), [question, snapshot]);
  const [switched, setSwitched] = useState<string>();
  // Judged on rows that stay put: mid-scroll, `visible` is not where the rows are.
  const ready = holds && !moving && holdsRows(fromIndex.rows, fromIndex.count, visible);
  if (ready && switched !== run) setSwitched(run);
  const onIndex = only || (switched === run && coverage.kind !== 'none');

  const indexRangeChange = fromIndex.onRangeChange;
  const onRangeChange = useCallback(
    (first: number, last: number, top: number) => {
      changeVisible(first, last);
      if (wanted) indexRangeChange(first, last);
      if (!onIndex) apiRangeChange(first, last, top);
    },
    [changeVisible, wanted, onIndex, indexRangeChange, apiRangeChange],
  );
  const { session } = index;
  const seek = useCallback(
    (at: number) => {
      const range = question.window;
      if (!session || !range || at >= range.to) return;
      // The second's rows come after every match newer than it.
      const newer = { from: Math.max(range.from, at + 1), to: range.to };
      void session
        .search({ ...question, window: newer, limit: 0, facetLimit: 0 })
        .then(({ count }) => indexRangeChange(Math.max(0, count - 1), count + 1))
        .catch(() => undefined);
    },
    [session, question, indexRangeChange],
  );
  const retry = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  if (onIndex) {
    const reading = only && index.reading;
    return {
      list,
      source: 'index',
      rows: fromIndex.rows,
      rowCount: (only ? index.count : fromIndex.count) ?? 0,
      hasMore: reading,
      loadingMore: reading,
      pending: only && index.count === undefined,
      loadFailed: false,
      retry,
      visible,
      onRangeChange,
      seek,
    };
  }
  return {
    list,
    source: 'api',
    rows: api.rows,
    rowCount: api.rowCount,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    pending: false,
    loadFailed: isFetchNextPageError,
    retry,
    visible,
    onRangeChange,
    seek,
  };
}
