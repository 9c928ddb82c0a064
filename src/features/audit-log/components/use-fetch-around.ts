/**
 * Keeps the pages around the view loaded: several pages ahead of the last row rendered (so fast
 * scrolling rarely waits, also with Pulumi Cloud's pages of 100), and the dropped pages above
 * the view fetched again on the way back. Pages chain by continuation token, so one request
 * runs at a time; each page that arrives checks again.
 */
import { useCallback } from 'react';
import type { LoadedRows } from '../api/loaded-rows.ts';

/** How far ahead (and back) to keep rows, in pages of the size the API answers with. */
const PAGES_AROUND = 3;

interface PagedQuery {
  isFetching: boolean;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  isFetchNextPageError: boolean;
  isFetchPreviousPageError: boolean;
  fetchNextPage: () => unknown;
  fetchPreviousPage: () => unknown;
}

/**
 * The table's `onRangeChange`: fetches the next or previous page when the view nears an edge.
 * `sparing` while the rows will come another way (the range index holds or reads the view's
 * range): then a view still at the top (`top`, its first row in view, is 0) fetches only rows it
 * renders and lacks, not pages ahead that the read brings anyway (most people who open the log
 * read its first screen); a view scrolled fetches ahead as ever.
 */
export function useFetchAround(
  query: PagedQuery,
  pageCount: number,
  rows: LoadedRows,
  sparing = false,
) {
  const { isFetching, hasNextPage, hasPreviousPage } = query;
  const { isFetchNextPageError, isFetchPreviousPageError, fetchNextPage, fetchPreviousPage } =
    query;
  return useCallback(
    (first: number, last: number, top = first) => {
      if (isFetching || pageCount === 0) return;
      const ahead = sparing && top === 0 ? 0 : PAGES_AROUND;
      const margin = ahead * Math.ceil((rows.end - rows.start) / pageCount);
      if (hasNextPage && !isFetchNextPageError && last >= rows.end - Math.max(1, margin)) {
        void fetchNextPage();
      } else if (hasPreviousPage && !isFetchPreviousPageError && first < rows.start + margin) {
        void fetchPreviousPage();
      }
    },
    [
      rows,
      pageCount,
      sparing,
      isFetching,
      hasNextPage,
      hasPreviousPage,
      isFetchNextPageError,
      isFetchPreviousPageError,
      fetchNextPage,
      fetchPreviousPage,
    ],
  );
}
