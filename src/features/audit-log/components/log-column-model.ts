/**
 * The table's column model on TanStack Table (the product's table library): the log's columns
 * as its column definitions, the view's `cols` as its column order and visibility, and the width
 * mode hiding what a narrow window leaves to the details. Only the column model is used: rows are
 * the virtualizer's, rendered by our own row component, so no row model is built per page.
 */
import { createTable, getCoreRowModel, type ColumnDef } from '@tanstack/react-table';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { COLUMN_IDS, type ColumnId } from '../view/view-schema.ts';
import { columnById, LOG_COLUMNS, type LogColumn } from './log-columns.tsx';
import type { WidthMode } from './row-layout.ts';

const DEFINITIONS: ColumnDef<AuditLogEvent>[] = LOG_COLUMNS.map((column) => ({
  id: column.id,
  header: column.name,
}));

/** Whether a width mode has room for a column (the rest are in each event's details). */
const fitsAt = (column: LogColumn, mode: WidthMode) =>
  mode === 'wide' || (mode === 'medium' ? column.mediumTrack !== undefined : column.id !== 'token');

/**
 * The columns shown, in order: `visibleColumns(['ip', 'time'], 'wide')` → the IP column, then
 * the time column.
 */
export function visibleColumns(chosen: readonly ColumnId[], mode: WidthMode): LogColumn[] {
  const table = createTable<AuditLogEvent>({
    data: [],
    columns: DEFINITIONS,
    getCoreRowModel: getCoreRowModel(),
    state: {},
    onStateChange: () => undefined,
    renderFallbackValue: null,
  });
  const columnVisibility = Object.fromEntries(
    COLUMN_IDS.map((id) => [id, chosen.includes(id) && fitsAt(columnById(id), mode)]),
  );
  const columnOrder = [...chosen, ...COLUMN_IDS.filter((id) => !chosen.includes(id))];
  table.setOptions((options) => ({
    ...options,
    state: { ...table.initialState, columnVisibility, columnOrder },
  }));
  return table.getVisibleLeafColumns().map((column) => columnById(column.id as ColumnId));
}
