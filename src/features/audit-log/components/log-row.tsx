import { memo } from 'react';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { cellClass, type RowDisplay } from './log-columns.tsx';
import type { RowLayout } from './row-layout.ts';

interface LogRowProps {
  index: number;
  /** Where the row starts, in px from the top of the body. */
  start: number;
  /** Its height when rows are not measured; undefined when they are. */
  height: number | undefined;
  /** Undefined while the row's page is being fetched (again). */
  event: AuditLogEvent | undefined;
  /** The one row in the Tab order. */
  tabbable: boolean;
  display: RowDisplay;
  /**
   * The range index's markers of the event: a number, so markers arriving for the rows in view
   * render only the rows whose markers changed.
   */
  marks: number;
  layout: RowLayout;
  hintId: string;
  /** The event a link names. */
  highlighted?: boolean;
  /** The virtualizer's measuring ref, when rows are measured. */
  measureRef: ((element: HTMLElement | null) => void) | undefined;
}

/**
 * One body row at its place in the list. Memoised, and every prop is stable while the row stays
 * in view (rows of one height start at `index × height`), so moving the range renders only the
 * rows that enter it. Focus, keys and clicks are handled once for all rows by the table body.
 */
export const LogRow = memo(function LogRow({
  index,
  start,
  height,
  event,
  tabbable,
  display,
  marks,
  layout,
  hintId,
  highlighted = false,
  measureRef,
}: LogRowProps) {
  const position = {
    top: start,
    height,
    minHeight: height === undefined ? layout.rowHeight : undefined,
  };
  if (!event) {
    return (
      <div
        className="log-row log-row--body log-row--pending"
        role="row"
        aria-rowindex={index + 2}
        aria-busy="true"
        data-testid="log-row-pending"
        style={position}
      >
        <div role="cell" className={cellClass('pending')}>
          Loading…
        </div>
      </div>
    );
  }
  return (
    <div
      ref={measureRef}
      className={`log-row log-row--body${highlighted ? ' log-row--linked' : ''}`}
      role="row"
      aria-current={highlighted ? 'true' : undefined}
      aria-rowindex={index + 2}
      aria-describedby={hintId}
      tabIndex={tabbable ? 0 : -1}
      data-row-index={index}
      data-index={index}
      data-testid="log-row"
      style={position}
    >
      {layout.columns.map((column) => (
        <div key={column.id} role="cell" className={cellClass(column.id)}>
          {column.cell(event, display, marks)}
        </div>
      ))}
    </div>
  );
});
