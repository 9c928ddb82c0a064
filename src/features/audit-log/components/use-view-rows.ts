/**
 * The rows of the view's infinite query as the table reads them, and how many rows the view is
 * known to have: the pages in memory are a window, but the table keeps its full height, so
 * rows whose page was dropped stay in place until it is fetched again.
 */
import { useMemo, useState } from 'react';
import type { LoadedAuditLogPage } from '../api/audit-log-queries.ts';
import { loadedRowsOf } from '../api/loaded-rows.ts';

const NO_PAGES: LoadedAuditLogPage[] = [];

export function useViewRows(data: { pages: LoadedAuditLogPage[] } | undefined) {
  const pages = data?.pages ?? NO_PAGES;
  const rows = useMemo(
    () =>
      loadedRowsOf(pages.map((page) => ({ events: page.events, rowOffset: page.param.rowOffset }))),
    [pages],
  );
  // Every page of one run shares its snapshot object, and a new view or a Refresh makes a new
  // one: the mark of the rows seen so far starts over with it.
  const run = pages[0]?.snapshot;
  const [seen, setSeen] = useState({ run, count: rows.end });
  const rowCount = seen.run === run ? Math.max(seen.count, rows.end) : rows.end;
  if (seen.run !== run || seen.count !== rowCount) setSeen({ run, count: rowCount });
  return { rows, rowCount };
}
