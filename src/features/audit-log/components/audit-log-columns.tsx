/**
 * The table's columns. Cells read the display settings (zone, clock, user filter action) from
 * the table's meta, so the column definitions stay static.
 */
import { createColumnHelper, type Table } from '@tanstack/react-table';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import type { TimeZoneMode } from '../view/view-schema.ts';
import { EventCell } from './event-cell.tsx';
import { FlagsCell } from './flags-cell.tsx';
import { TimeCell } from './time-cell.tsx';
import { UserCell } from './user-cell.tsx';

export interface AuditLogTableMeta {
  tz: TimeZoneMode;
  nowSeconds: number;
  onFilterUser: (login: string) => void;
}

const metaOf = (table: Table<AuditLogEvent>) => table.options.meta as AuditLogTableMeta;
const column = createColumnHelper<AuditLogEvent>();

export const auditLogColumns = [
  column.accessor('timestamp', {
    id: 'time',
    header: ({ table }) => (metaOf(table).tz === 'utc' ? 'Time (UTC)' : 'Time'),
    cell: ({ getValue, table }) => {
      const { tz, nowSeconds } = metaOf(table);
      return <TimeCell timestamp={getValue()} tz={tz} nowSeconds={nowSeconds} />;
    },
  }),
  column.display({
    id: 'user',
    header: 'User',
    cell: ({ row, table }) => (
      <UserCell event={row.original} onFilterUser={metaOf(table).onFilterUser} />
    ),
  }),
  column.accessor('event', {
    id: 'event',
    header: 'Event',
    cell: ({ getValue }) => <EventCell event={getValue()} />,
  }),
  column.accessor('description', {
    id: 'description',
    header: 'Description',
    cell: ({ getValue }) => (
      <span className="truncate" title={getValue()}>
        {getValue()}
      </span>
    ),
  }),
  column.accessor('sourceIP', {
    id: 'sourceIP',
    header: 'Source IP',
    cell: ({ getValue }) => (
      <span className="mono truncate" title={getValue()}>
        {getValue() || '—'}
      </span>
    ),
  }),
  column.display({
    id: 'token',
    header: 'Token',
    cell: ({ row }) => (
      <span className="truncate" title={row.original.tokenID}>
        {row.original.tokenName || <span className="muted">—</span>}
      </span>
    ),
  }),
  column.display({
    id: 'flags',
    header: () => (
      <span title="Authentication failure, required organization or stack admin">Flags</span>
    ),
    cell: ({ row }) => <FlagsCell event={row.original} />,
  }),
];
