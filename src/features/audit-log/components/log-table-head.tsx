import { memo } from 'react';
import type { TimeZoneMode } from '../view/view-schema.ts';
import { cellClass, type LogColumn } from './log-columns.tsx';

interface LogTableHeadProps {
  tz: TimeZoneMode;
  columns: readonly LogColumn[];
}

/** The sticky header row; it changes only with the zone and the columns. */
export const LogTableHead = memo(function LogTableHead({ tz, columns }: LogTableHeadProps) {
  return (
    <div className="log-table__head" role="rowgroup">
      <div className="log-row log-row--head" role="row" aria-rowindex={1}>
        {columns.map((column) => (
          <div key={column.id} role="columnheader" className={cellClass(column.id)}>
            {column.header(tz)}
          </div>
        ))}
      </div>
    </div>
  );
});
