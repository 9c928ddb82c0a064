/**
 * The table's rows when only the index can answer the view: pages of matching events asked of
 * the worker around the rows in view. While the range is read the matches only grow at the end
 * (older events are added after the last row), so a page fetched early is completed later and
 * rows never move; a read of newer events, which go before row 0, starts the pages over.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import type { IndexSession } from '../../../lib/range-index/index-session.ts';
import { loadedRowsOf, type LoadedRows } from '../api/loaded-rows.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';

/** Rows per request to the worker. */
export const INDEX_PAGE_ROWS = 1000;
/** Pages kept beyond the ones in view, each way; farther ones are let go. */
const PAGES_KEPT = 4;

export interface IndexQuestion {
  q: string;
  filter: string;
  window: TimeWindow | undefined;
}

export interface IndexRows {
  rows: LoadedRows;
  /** Matches as the last page answered said, undefined before the first answer. */
  count: number | undefined;
  onRangeChange: (first: number, last: number) => void;
}

export function useIndexRows(
  session: IndexSession | undefined,
  question: IndexQuestion,
  /** Matches known now; undefined to learn them from the first page asked. */
  known: number | undefined,
  /** Changes when rows move (newer events were added before row 0). */
  generation: unknown,
): IndexRows {
  const key = JSON.stringify([question, generation]);
  const [state, setState] = useState<IndexPages>({ key, pages: new Map(), count: undefined });
  const pages = state.key === key ? state.pages : EMPTY;
  const answered = state.key === key ? state.count : undefined;
  const count = known ?? answered;
  const asking = useRef(new Set<string>());

  const rows = useMemo(
    () =>
      loadedRowsOf(
        [...pages]
          .sort(([a], [b]) => a - b)
          .map(([page, events]) => ({ rowOffset: page * INDEX_PAGE_ROWS, events })),
      ),
    [pages],
  );

  const onRangeChange = useCallback(
    (first: number, last: number) => {
      if (!session) return;
      const firstPage = Math.floor(Math.max(0, first) / INDEX_PAGE_ROWS);
      const lastPage = Math.floor(Math.max(0, last) / INDEX_PAGE_ROWS) + 1;
      for (let page = firstPage; page <= lastPage; page++) {
        const offset = page * INDEX_PAGE_ROWS;
        if (count !== undefined && offset >= count) break;
        // Before any answer, the first page in view is asked to learn the count.
        if (count === undefined && page > firstPage) break;
        const expected = count === undefined ? 0 : Math.min(INDEX_PAGE_ROWS, count - offset);
        const asked = `${key}:${page}:${expected}`;
        if ((pages.get(page)?.length ?? -1) >= expected || asking.current.has(asked)) continue;
        asking.current.add(asked);
        void session
          .search({ ...question, offset, limit: INDEX_PAGE_ROWS, facetLimit: 0 })
          .then((answer) => {
            setState((current) => {
              const base = current.key === key ? current.pages : new Map<number, AuditLogEvent[]>();
              const next = new Map(base);
              next.set(page, answer.events);
              for (const kept of next.keys()) {
                if (kept < firstPage - PAGES_KEPT || kept > lastPage + PAGES_KEPT)
                  next.delete(kept);
              }
              return { key, pages: next, count: answer.count };
            });
          })
          // A reset index answers nothing; the next view asks again.
          .catch(() => undefined)
          .finally(() => asking.current.delete(asked));
      }
    },
    [session, question, count, key, pages],
  );
  return { rows, count, onRangeChange };
}

interface IndexPages {
  key: string;
  pages: Map<number, AuditLogEvent[]>;
  count: number | undefined;
}

const EMPTY = new Map<number, AuditLogEvent[]>();
