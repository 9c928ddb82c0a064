/**
 * The log as a virtualised ARIA table: rows have one fixed height and only those in view (plus a
 * small overscan) are in the DOM, however many pages are loaded. Nearing the end loads the next page.
 */
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { AuditLogEvent } from '../../../lib/audit-log-types.ts';
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
}

export function AuditLogTable({ events, meta, hasMore, onNearEnd, footer }: AuditLogTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
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
                className="log-row"
                role="row"
                aria-rowindex={item.index + 2}
                data-testid="log-row"
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
    </div>
  );
}
