/**
 * The log as a virtualised ARIA table: rows have one fixed height and only those in view (plus a
 * small overscan) are in the DOM, however many pages are loaded. Nearing the end loads the next page.
 * One row at a time is in the Tab order (roving focus): arrows move between rows, Enter or a
 * click opens the row's details.
 */
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { auditLogColumns, type AuditLogTableMeta } from './audit-log-columns.tsx';

export const ROW_HEIGHT = 44;
const OVERSCAN = 8;
/** Start loading the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 30;

interface AuditLogTableProps {
  events: AuditLogEvent[];
  meta: AuditLogTableMeta;
  /** True when more rows may follow (the row count is then unknown). */
  hasMore: boolean;
  /** Called when the user nears the end and another page should load. */
  onNearEnd: () => void;
  /** Shown under the last row: loading, the end of the log, or a failed page. */
  footer: ReactNode;
  /** Opens the details of the row at `index`. */
  onOpenRow: (index: number) => void;
}

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };

export function AuditLogTable({
  events,
  meta,
  hasMore,
  onNearEnd,
  footer,
  onOpenRow,
}: AuditLogTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [activeIndex, setActiveIndex] = useState(0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is read only during render
  const table = useReactTable({
    data: events,
    columns: auditLogColumns,
    getCoreRowModel: getCoreRowModel(),
    meta,
  });
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  // The row in the Tab order: the last one focused, or the first in view once it scrolled away.
  const tabbable = items.some((item) => item.index === activeIndex)
    ? activeIndex
    : (virtualizer.range?.startIndex ?? 0);

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    // Keys pressed on a control inside the row (the avatar button) are that control's.
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpenRow(index);
      return;
    }
    const next = index + (STEPS[event.key] ?? 0);
    if (next === index || next < 0 || next >= rows.length) return;
    event.preventDefault();
    // Overscan keeps the neighbouring rows rendered, so the next row is in the DOM.
    scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"]`)?.focus();
  };
  const onRowClick = (event: MouseEvent<HTMLDivElement>, index: number) => {
    // The avatar filters; selecting text to copy it is not a request for details.
    if ((event.target as Element).closest('button, a')) return;
    if (window.getSelection()?.toString()) return;
    onOpenRow(index);
  };

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - PREFETCH_ROWS) onNearEnd();
  }, [hasMore, lastIndex, rows.length, onNearEnd]);

  return (
    <div
      className="table-scroll"
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label="Audit log events"
    >
      <div
        className="log-table"
        role="table"
        aria-label="Audit log"
        aria-rowcount={hasMore ? -1 : rows.length + 1}
      >
        <div className="log-table__head" role="rowgroup">
          {table.getHeaderGroups().map((group) => (
            <div key={group.id} className="log-row log-row--head" role="row" aria-rowindex={1}>
              {group.headers.map((header) => (
                <div
                  key={header.id}
                  role="columnheader"
                  className={`log-cell log-cell--${header.id}`}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </div>
              ))}
            </div>
          ))}
        </div>
        <div
          className="log-table__body"
          role="rowgroup"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={row.id}
                className="log-row log-row--body"
                role="row"
                aria-rowindex={item.index + 2}
                aria-describedby={hintId}
                tabIndex={item.index === tabbable ? 0 : -1}
                data-row-index={item.index}
                data-testid="log-row"
                onFocus={() => setActiveIndex(item.index)}
                onKeyDown={(event) => onRowKeyDown(event, item.index)}
                onClick={(event) => onRowClick(event, item.index)}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="cell" className={`log-cell log-cell--${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {footer}
      <span id={hintId} hidden>
        Enter shows every detail of the event; the arrow keys move between events.
      </span>
    </div>
  );
}
