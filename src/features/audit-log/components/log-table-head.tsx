import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { TimeZoneMode } from '../view/view-schema.ts';
import { ColumnResizeHandle } from './column-resize-handle.tsx';
import { useLogColumns } from './log-column-table.tsx';
import { cellClass, type LogColumn } from './log-columns.tsx';

interface LogTableHeadProps {
  tz: TimeZoneMode;
  /** The columns shown, from the column table. */
  columns: readonly LogColumn[];
  /** Whether columns can be resized here (not on cards, whose header is for screen readers). */
  resizable: boolean;
}

/** Each header cell's width on screen, by column id, following the grid as it changes. */
function useRenderedWidths(rowRef: RefObject<HTMLElement | null>, columnsKey: string) {
  const [widths, setWidths] = useState<Record<string, number>>({});
  useLayoutEffect(() => {
    const row = rowRef.current;
    if (!row || typeof ResizeObserver === 'undefined') return;
    const cells = [...row.children] as HTMLElement[];
    const read = () => {
      const next = Object.fromEntries(
        cells.map((cell) => [cell.dataset.column, Math.round(cell.getBoundingClientRect().width)]),
      );
      setWidths((was) =>
        cells.every((cell) => was[cell.dataset.column!] === next[cell.dataset.column!])
          ? was
          : next,
      );
    };
    const observer = new ResizeObserver(read);
    for (const cell of cells) observer.observe(cell);
    return () => observer.disconnect();
  }, [rowRef, columnsKey]);
  return widths;
}

/**
 * The sticky header row, from the column table's header group: each header with its resize
 * handle. It renders with the column table's state (while a column is dragged, too); rows do not.
 */
export function LogTableHead({ tz, columns, resizable }: LogTableHeadProps) {
  const { table, widths } = useLogColumns();
  const rowRef = useRef<HTMLDivElement>(null);
  const labelId = useId();
  const rendered = useRenderedWidths(rowRef, columns.map((column) => column.id).join(','));
  const headers = new Map(
    table.getHeaderGroups().flatMap((group) => group.headers.map((h) => [h.column.id, h])),
  );
  return (
    <div className="log-table__head" role="rowgroup">
      <div ref={rowRef} className="log-row log-row--head" role="row" aria-rowindex={1}>
        {columns.map((column) => {
          const header = headers.get(column.id);
          return (
            <div
              key={column.id}
              role="columnheader"
              className={cellClass(column.id)}
              data-column={column.id}
              // Named by its label alone: the resize handle inside has a name of its own.
              aria-labelledby={`${labelId}-${column.id}`}
            >
              <span id={`${labelId}-${column.id}`} className="log-head__label">
                {column.header(tz)}
              </span>
              {resizable && header ? (
                <ColumnResizeHandle
                  header={header}
                  table={table}
                  name={column.name}
                  width={widths[column.id] ?? rendered[column.id] ?? column.track.min}
                />
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
