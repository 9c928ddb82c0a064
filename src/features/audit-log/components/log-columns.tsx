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

/** A default grid track: at least `min` px, and a share of the room left when it `grow`s. */
export interface Track {
  min: number;
  grow?: number;
}

export interface LogColumn {
  id: ColumnId;
  /** Its name in the column chooser. */
  name: string;
  /** Its default grid track in a wide window, until it is resized. */
  track: Track;
  /** Its track between a phone and a wide window; none: left out there (it is in the details). */
  mediumTrack?: Track;
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
    track: { min: 144 },
    mediumTrack: { min: 132 },
    header: (tz) => (tz === 'utc' ? 'Time (UTC)' : 'Time'),
    cell: (event, { tz, nowSeconds }) => <TimeCell event={event} tz={tz} nowSeconds={nowSeconds} />,
  },
  {
    id: 'user',
    name: 'User',
    track: { min: 210, grow: 1.2 },
    mediumTrack: { min: 150, grow: 1 },
    header: () => 'User',
    cell: (event, { onFilterUser }) => <UserCell event={event} onFilterUser={onFilterUser} />,
  },
  {
    id: 'event',
    name: 'Event',
    track: { min: 220, grow: 1.3 },
    mediumTrack: { min: 150, grow: 1 },
    header: () => 'Event',
    cell: (event) => <EventCell event={event.event} />,
  },
  {
    id: 'description',
    name: 'Description',
    track: { min: 200, grow: 2 },
    mediumTrack: { min: 120, grow: 1.3 },
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
    track: { min: 150 },
    mediumTrack: { min: 132 },
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
    track: { min: 110, grow: 0.7 },
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
    track: { min: 72 },
    header: () => FLAGS_HEADER,
    cell: (event, _display, marks) => <FlagsCell event={event} marks={marks} />,
  },
];

/** The column with this id: `columnById('ip').name === 'Source IP'`. */
export function columnById(id: ColumnId): LogColumn {
  // Every id of the schema has a column; the test beside this file holds that.
  return LOG_COLUMNS.find((column) => column.id === id)!;
}

/** A track as CSS: `trackCss({min: 200, grow: 2}) === 'minmax(200px, 2fr)'`. */
export function trackCss({ min, grow }: Track): string {
  return grow === undefined ? `${min}px` : `minmax(${min}px, ${grow}fr)`;
}

/** The class of a column's cells: `cellClass('time') === 'log-cell log-cell--time'`. */
export function cellClass(id: string): string {
  return `log-cell log-cell--${id}`;
}
