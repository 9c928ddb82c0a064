/**
 * The rows of a view as the table reads them: by index in the whole view, although only a window
 * of pages is in memory. Built per page, not per row, so loading a page costs that page only.
 */
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';

/** A page's events and the index of its first row in the view. */
export interface RowPage {
  events: AuditLogEvent[];
  rowOffset: number;
}

export interface LoadedRows {
  /** The index of the first row in memory. */
  start: number;
  /** One past the last row in memory. */
  end: number;
  /** The event at `index`, or undefined when its page is not in memory. */
  at(index: number): AuditLogEvent | undefined;
}

/** Index of the last page starting at or before `index` (pages are in row order). */
function pageAt(pages: readonly RowPage[], index: number): number {
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((pages[middle]?.rowOffset ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The rows of consecutive pages:
 * `loadedRowsOf([{rowOffset: 100, events: [a, b]}]).at(101) === b`; `.at(0)` is undefined.
 */
export function loadedRowsOf(pages: readonly RowPage[]): LoadedRows {
  const first = pages[0];
  const last = pages.at(-1);
  const start = first?.rowOffset ?? 0;
  const end = last ? last.rowOffset + last.events.length : 0;
  return {
    start,
    end,
    at(index) {
      if (index < start || index >= end) return undefined;
      const page = pages[pageAt(pages, index)];
      return page?.events[index - page.rowOffset];
    },
  };
}
