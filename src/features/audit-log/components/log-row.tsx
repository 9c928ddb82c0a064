import { memo } from 'react';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { cellClass, LOG_COLUMNS, type RowDisplay } from './log-columns.tsx';

export const ROW_HEIGHT = 44;

interface LogRowProps {
  index: number;
  /** Undefined while the row's page is being fetched (again). */
  event: AuditLogEvent | undefined;
  /** The one row in the Tab order. */
  tabbable: boolean;
  display: RowDisplay;
  hintId: string;
  /** The event a link names. */
  highlighted?: boolean;
}

/**
 * One body row at its place in the list. Memoised, and every prop is stable while the row stays
 * in view, so moving the range renders only the rows that enter it. Focus, keys and clicks are
 * handled once for all rows by the table body.
 */
export const LogRow = memo(function LogRow({
  index,
  event,
  tabbable,
  display,
  hintId,
  highlighted = false,
}: LogRowProps) {
  const position = { height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` };
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
      className={`log-row log-row--body${highlighted ? ' log-row--linked' : ''}`}
      role="row"
      aria-current={highlighted ? 'true' : undefined}
      aria-rowindex={index + 2}
      aria-describedby={hintId}
      tabIndex={tabbable ? 0 : -1}
      data-row-index={index}
      data-testid="log-row"
      style={position}
    >
      {LOG_COLUMNS.map((column) => (
        <div key={column.id} role="cell" className={cellClass(column.id)}>
          {column.cell(event, display)}
        </div>
      ))}
    </div>
  );
});
