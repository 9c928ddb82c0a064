/**
 * How the view lays the table out (density, wrap, columns), with the URL's defaults filled in,
 * and the column chooser's edits as pure functions of the column list.
 */
import { useMemo } from 'react';
import { COLUMN_IDS, type AuditLogView, type ColumnId, type Density } from './view-schema.ts';

export interface TableLayout {
  density: Density;
  wrap: boolean;
  /** The columns shown, in order. */
  columns: readonly ColumnId[];
}

/** `tableLayoutOf({tz: 'utc', wrap: true})` → `{density: 'comfortable', wrap: true, columns: COLUMN_IDS}`. */
export function tableLayoutOf(view: Pick<AuditLogView, 'density' | 'wrap' | 'cols'>): TableLayout {
  return {
    density: view.density ?? 'comfortable',
    wrap: view.wrap ?? false,
    columns: view.cols ?? COLUMN_IDS,
  };
}

/**
 * Shows a hidden column at its default place among those shown, or hides a shown one (never the
 * last): `toggleColumn(['time', 'ip'], 'event')` → `['time', 'event', 'ip']`.
 */
export function toggleColumn(columns: readonly ColumnId[], id: ColumnId): readonly ColumnId[] {
  if (columns.includes(id)) return columns.length > 1 ? columns.filter((c) => c !== id) : columns;
  const rank = (column: ColumnId) => COLUMN_IDS.indexOf(column);
  const before = columns.findIndex((column) => rank(column) > rank(id));
  const at = before === -1 ? columns.length : before;
  return [...columns.slice(0, at), id, ...columns.slice(at)];
}

/**
 * Moves a shown column one place earlier (-1) or later (+1), staying in bounds:
 * `moveColumn(['time', 'user', 'ip'], 'ip', -1)` → `['time', 'ip', 'user']`.
 */
export function moveColumn(
  columns: readonly ColumnId[],
  id: ColumnId,
  step: -1 | 1,
): readonly ColumnId[] {
  const from = columns.indexOf(id);
  const to = from + step;
  if (from === -1 || to < 0 || to >= columns.length) return columns;
  const moved = [...columns];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

/** The view's table layout, the same object while density, wrap and columns stay the same. */
export function useTableLayout({ density, wrap, cols }: AuditLogView): TableLayout {
  // Every URL change parses a new list: compare its text, not its identity.
  const key = cols?.join(',');
  const columns = useMemo(() => key?.split(',') as ColumnId[] | undefined, [key]);
  return useMemo(() => tableLayoutOf({ density, wrap, cols: columns }), [density, wrap, columns]);
}
