import { memo } from 'react';
import type { TimeZoneMode } from '../view/view-schema.ts';
import { cellClass, LOG_COLUMNS } from './log-columns.tsx';

/** The sticky header row; it changes only with the zone. */
export const LogTableHead = memo(function LogTableHead({ tz }: { tz: TimeZoneMode }) {
  return (
    <div className="log-table__head" role="rowgroup">
      <div className="log-row log-row--head" role="row" aria-rowindex={1}>
        {LOG_COLUMNS.map((column) => (
          <div key={column.id} role="columnheader" className={cellClass(column.id)}>
            {column.header(tz)}
          </div>
        ))}
      </div>
    </div>
  );
});
