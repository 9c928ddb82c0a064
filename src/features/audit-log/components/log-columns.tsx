/**
 * The table's columns: their ids (as the URL names them, and the `log-cell--{id}` classes), names,
 * widths, headers and cells. The header row, every body row and the column chooser read this one
 * list; the view's `cols` picks and orders them.
 */
import type { ReactNode } from 'react';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { showBidiControls } from '../../../lib/visible-text.ts';
import type { ColumnId, TimeZoneMode } from '../view/view-schema.ts';
import { EventCell } from './event-cell.tsx';
import { FlagsCell } from './flags-cell.tsx';
import { TimeCell } from './time-cell.tsx';
import { UserCell } from './user-cell.tsx';

/** What cells show beside the event: the zone, the clock, the user filter. One object per view. */
export interface RowDisplay {
  tz: TimeZoneMode;
  nowSeconds: number;
  onFilterUser: (login: string) => void;
}

export interface LogColumn {
  id: ColumnId;
  /** Its name in the column chooser. */
  name: string;
  /** Its grid track in a wide window, and the narrowest it gets there (px). */
  track: string;
  minWidth: number;
  /** Its track between a phone and a wide window; none: left out there (it is in the details). */
  mediumTrack?: string;
  header: (tz: TimeZoneMode) => ReactNode;
  /** `marks`: the range index's markers of the event (first address, burst), 0 when unknown. */
  cell: (event: AuditLogEvent, display: RowDisplay, marks: number) => ReactNode;
}

const FLAGS_HEADER = (
  <span title="Authentication failure, required organization or stack admin">Flags</span>
);

export const LOG_COLUMNS: readonly LogColumn[] = [
  {
    id: 'time',
    name: 'Time',
    track: '144px',
    minWidth: 144,
    mediumTrack: '132px',
    header: (tz) => (tz === 'utc' ? 'Time (UTC)' : 'Time'),
    cell: (event, { tz, nowSeconds }) => <TimeCell event={event} tz={tz} nowSeconds={nowSeconds} />,
  },
  {
    id: 'user',
    name: 'User',
    track: 'minmax(210px, 1.2fr)',
    minWidth: 210,
    mediumTrack: 'minmax(150px, 1fr)',
    header: () => 'User',
    cell: (event, { onFilterUser }) => <UserCell event={event} onFilterUser={onFilterUser} />,
  },
  {
    id: 'event',
    name: 'Event',
    track: 'minmax(220px, 1.3fr)',
    minWidth: 220,
    mediumTrack: 'minmax(150px, 1fr)',
    header: () => 'Event',
    cell: (event) => <EventCell event={event.event} />,
  },
  {
    id: 'description',
    name: 'Description',
    track: 'minmax(200px, 2fr)',
    minWidth: 200,
    mediumTrack: 'minmax(120px, 1.3fr)',
    header: () => 'Description',
    cell: ({ description = '' }) => (
      <span className="truncate" title={showBidiControls(description)}>
        {showBidiControls(description)}
      </span>
    ),
  },
  {
    id: 'ip',
    name: 'Source IP',
    track: '150px',
    minWidth: 150,
    mediumTrack: '132px',
    header: () => 'Source IP',
    cell: ({ sourceIP }) => (
      <span className="mono truncate" title={sourceIP}>
        {sourceIP || '—'}
      </span>
    ),
  },
  {
    id: 'token',
    name: 'Token',
    track: 'minmax(110px, 0.7fr)',
    minWidth: 110,
    header: () => 'Token',
    cell: ({ tokenID, tokenName }) => (
      // The whole name on hover, with the id that tells two tokens of one name apart.
      <span className="truncate" title={[tokenName, tokenID].filter(Boolean).join(' · ')}>
        {tokenName || <span className="muted">—</span>}
      </span>
    ),
  },
  {
    id: 'flags',
    name: 'Flags',
    track: '72px',
    minWidth: 72,
    header: () => FLAGS_HEADER,
    cell: (event, _display, marks) => <FlagsCell event={event} marks={marks} />,
  },
];

/** The column with this id: `columnById('ip').name === 'Source IP'`. */
export function columnById(id: ColumnId): LogColumn {
  // Every id of the schema has a column; the test beside this file holds that.
  return LOG_COLUMNS.find((column) => column.id === id)!;
}

/** The class of a column's cells: `cellClass('time') === 'log-cell log-cell--time'`. */
export function cellClass(id: string): string {
  return `log-cell log-cell--${id}`;
}
