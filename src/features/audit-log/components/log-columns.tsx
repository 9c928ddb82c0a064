/**
 * The table's columns, in order: their ids (the `log-cell--{id}` classes that size them), headers
 * and cells. The header row and every body row read this one list.
 */
import type { ReactNode } from 'react';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import type { TimeZoneMode } from '../view/view-schema.ts';
import { EventCell } from './event-cell.tsx';
import { FlagsCell } from './flags-cell.tsx';
import { TimeCell } from './time-cell.tsx';
import { UserCell } from './user-cell.tsx';

/** What cells show beside the event: the zone, the clock, the user filter. One object per view. */
export interface RowDisplay {
  tz: TimeZoneMode;
  nowSeconds: number;
  onFilterUser: (login: string) => void;
  /** The range index's markers of an event (first address, burst), 0 when unknown. */
  marksOf?: (event: AuditLogEvent) => number;
}

export interface LogColumn {
  id: string;
  header: (tz: TimeZoneMode) => ReactNode;
  cell: (event: AuditLogEvent, display: RowDisplay) => ReactNode;
}

const FLAGS_HEADER = (
  <span title="Authentication failure, required organization or stack admin">Flags</span>
);

export const LOG_COLUMNS: readonly LogColumn[] = [
  {
    id: 'time',
    header: (tz) => (tz === 'utc' ? 'Time (UTC)' : 'Time'),
    cell: (event, { tz, nowSeconds }) => <TimeCell event={event} tz={tz} nowSeconds={nowSeconds} />,
  },
  {
    id: 'user',
    header: () => 'User',
    cell: (event, { onFilterUser }) => <UserCell event={event} onFilterUser={onFilterUser} />,
  },
  { id: 'event', header: () => 'Event', cell: (event) => <EventCell event={event.event} /> },
  {
    id: 'description',
    header: () => 'Description',
    cell: ({ description }) => (
      <span className="truncate" title={description}>
        {description}
      </span>
    ),
  },
  {
    id: 'sourceIP',
    header: () => 'Source IP',
    cell: ({ sourceIP }) => (
      <span className="mono truncate" title={sourceIP}>
        {sourceIP || '—'}
      </span>
    ),
  },
  {
    id: 'token',
    header: () => 'Token',
    cell: ({ tokenID, tokenName }) => (
      <span className="truncate" title={tokenID}>
        {tokenName || <span className="muted">—</span>}
      </span>
    ),
  },
  {
    id: 'flags',
    header: () => FLAGS_HEADER,
    cell: (event, display) => <FlagsCell event={event} marks={display.marksOf?.(event) ?? 0} />,
  },
];

/** The class of a column's cells: `cellClass('time') === 'log-cell log-cell--time'`. */
export function cellClass(id: string): string {
  return `log-cell log-cell--${id}`;
}
