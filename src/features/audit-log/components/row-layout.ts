/**
 * The table's geometry for a view's layout at the window's width: which columns, how tall a row
 * is, and whether rows must be measured (wrapped rows and cards grow with their text, so the
 * virtualizer measures them instead of assuming one height). Column widths are not part of it:
 * they are CSS variables on the scroll container (`columnTracks`), so resizing a column renders
 * no row.
 */
import { useMediaQuery } from '../../../lib/use-media-query.ts';
import type { TableLayout } from '../view/table-layout.ts';
import type { ColumnId } from '../view/view-schema.ts';
import type { LogColumn } from './log-columns.tsx';

/** Wide: every chosen column. Medium (a tablet): those with a medium track. Cards: a phone. */
export type WidthMode = 'wide' | 'medium' | 'cards';

export interface RowLayout {
  mode: WidthMode;
  columns: readonly LogColumn[];
  /** A row's height, or its first estimate when rows are measured. */
  rowHeight: number;
  measured: boolean;
  /** Classes of the scroll container, which holds the table and its footer. */
  className: string;
}

export const ROW_HEIGHTS = { comfortable: 44, compact: 32 } as const;
const CARD_HEIGHTS = { comfortable: 136, compact: 112 } as const;

/**
 * The table's geometry: `rowLayoutOf([time], {density: 'compact', wrap: false}, 'wide')` has
 * `rowHeight` 32 and `measured` false.
 */
export function rowLayoutOf(
  columns: readonly LogColumn[],
  layout: Pick<TableLayout, 'density' | 'wrap'>,
  mode: WidthMode,
): RowLayout {
  const measured = layout.wrap || mode === 'cards';
  const classes = [
    'table-scroll',
    `table-scroll--${mode}`,
    layout.density === 'compact' ? 'table-scroll--compact' : '',
    layout.wrap ? 'table-scroll--wrap' : '',
  ];
  return {
    mode,
    columns,
    rowHeight: (mode === 'cards' ? CARD_HEIGHTS : ROW_HEIGHTS)[layout.density],
    measured,
    className: classes.filter(Boolean).join(' '),
  };
}

/**
 * The scroll container's classes that keep `pinned` columns in view while the table scrolls
 * sideways (cards scroll only down): `pinClasses('wide', ['time']) === ' table-scroll--pin-time'`.
 * Apart from the row layout, so that pinning and unpinning renders no row.
 */
export function pinClasses(mode: WidthMode, pinned: readonly ColumnId[]): string {
  return mode === 'cards' ? '' : pinned.map((id) => ` table-scroll--pin-${id}`).join('');
}

const CARDS_QUERY = '(max-width: 600px)';
const MEDIUM_QUERY = '(max-width: 1000px)';

/** The window's width mode now, following it as the window is resized. */
export function useWidthMode(): WidthMode {
  const cards = useMediaQuery(CARDS_QUERY);
  const medium = useMediaQuery(MEDIUM_QUERY);
  return cards ? 'cards' : medium ? 'medium' : 'wide';
}
