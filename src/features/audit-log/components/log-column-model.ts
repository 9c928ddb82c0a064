/**
 * The table's column model on TanStack Table (the product's table library): the log's columns
 * as its column definitions; the view's `cols` as its column order and visibility, `w` as its
 * column sizing; the time column pinned at the left while it leads. Only the column model is
 * used: rows are the virtualizer's, rendered by our own row component, so no row model is built
 * per page. The width mode (a narrow window) leaves some chosen columns to each event's details;
 * that is the window's, not the view's, so it filters what the table shows rather than its state.
 */
import {
  createTable,
  getCoreRowModel,
  type ColumnDef,
  type Table,
  type TableState,
} from '@tanstack/react-table';
import type { CSSProperties } from 'react';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type ColumnWidths } from '../view/column-widths.ts';
import { COLUMN_IDS, type ColumnId } from '../view/view-schema.ts';
import { columnById, LOG_COLUMNS, trackCss, type LogColumn } from './log-columns.tsx';
import type { WidthMode } from './row-layout.ts';

export const COLUMN_DEFINITIONS: ColumnDef<AuditLogEvent>[] = LOG_COLUMNS.map((column) => ({
  id: column.id,
  header: column.name,
  // What the library falls back on before a column is resized; the grid then uses its track.
  size: column.track.min,
  minSize: MIN_COLUMN_WIDTH,
  maxSize: MAX_COLUMN_WIDTH,
}));

/** The column that stays in view when the table scrolls sideways, while it is the first. */
export const PINNED_COLUMN: ColumnId = 'time';

/** The parts of the table's state the view holds. */
export type ColumnState = Pick<
  TableState,
  'columnOrder' | 'columnVisibility' | 'columnSizing' | 'columnPinning'
>;

/**
 * The table's state for the view's columns (shown, in order) and widths:
 * `columnStateOf(['ip', 'time'], {ip: 300})` has `columnOrder` ip, time, then the hidden ones.
 */
export function columnStateOf(chosen: readonly ColumnId[], widths: ColumnWidths): ColumnState {
  return {
    columnOrder: [...chosen, ...COLUMN_IDS.filter((id) => !chosen.includes(id))],
    columnVisibility: Object.fromEntries(COLUMN_IDS.map((id) => [id, chosen.includes(id)])),
    columnSizing: { ...widths },
    columnPinning: { left: chosen[0] === PINNED_COLUMN ? [PINNED_COLUMN] : [], right: [] },
  };
}

/** Whether a width mode has room for a column (the rest are in each event's details). */
const fitsAt = (column: LogColumn, mode: WidthMode) =>
  mode === 'wide' || (mode === 'medium' ? column.mediumTrack !== undefined : column.id !== 'token');

/** The columns the table shows at a width mode, in order (pinned first). */
export function shownColumns(table: Table<AuditLogEvent>, mode: WidthMode): LogColumn[] {
  return table
    .getVisibleLeafColumns()
    .map((column) => columnById(column.id as ColumnId))
    .filter((column) => fitsAt(column, mode));
}

/** A table of the log's columns alone, for code that has no React around it. */
export function columnTableOf(state: ColumnState): Table<AuditLogEvent> {
  const table = createTable<AuditLogEvent>({
    data: [],
    columns: COLUMN_DEFINITIONS,
    getCoreRowModel: getCoreRowModel(),
    state: {},
    onStateChange: () => undefined,
    renderFallbackValue: null,
  });
  table.setOptions((options) => ({ ...options, state: { ...table.initialState, ...state } }));
  return table;
}

/**
 * The columns shown, in order: `visibleColumns(['ip', 'time'], 'wide')` → the IP column, then
 * the time column.
 */
export function visibleColumns(chosen: readonly ColumnId[], mode: WidthMode): LogColumn[] {
  return shownColumns(columnTableOf(columnStateOf(chosen, {})), mode);
}

/**
 * The grid of shown columns: a resized column's track is its width, the others keep their default
 * track; the table is at least as wide as the narrowest all of them get, so a widened column
 * scrolls the table sideways instead of squeezing the rest.
 * `columnTracks([time, ip], {ip: 300}, 'wide')` → `{'--log-columns': '144px 300px', '--log-min-width': '444px'}`.
 */
export function columnTracks(
  columns: readonly LogColumn[],
  widths: ColumnWidths,
  mode: WidthMode,
): CSSProperties & Record<'--log-columns' | '--log-min-width', string> {
  if (mode === 'cards') return { '--log-columns': 'none', '--log-min-width': '0px' };
  let minWidth = 0;
  const tracks = columns.map((column) => {
    const track = (mode === 'medium' ? column.mediumTrack : undefined) ?? column.track;
    const width = widths[column.id];
    minWidth += width ?? track.min;
    return width === undefined ? trackCss(track) : `${width}px`;
  });
  return { '--log-columns': tracks.join(' '), '--log-min-width': `${minWidth}px` };
}
