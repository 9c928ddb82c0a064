/**
 * The table's geometry for a view's layout at the window's width: which columns, their grid
 * tracks, how tall a row is, and whether rows must be measured (wrapped rows and cards grow with
 * their text, so the virtualizer measures them instead of assuming one height).
 */
import { useMemo, type CSSProperties } from 'react';
import { useMediaQuery } from '../../../lib/use-media-query.ts';
import type { TableLayout } from '../view/table-layout.ts';
import { visibleColumns } from './log-column-model.ts';
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
  /** The grid tracks (`--log-columns`) and the table's narrowest width (`--log-min-width`). */
  style: CSSProperties;
}

export const ROW_HEIGHTS = { comfortable: 44, compact: 32 } as const;
const CARD_HEIGHTS = { comfortable: 136, compact: 112 } as const;

/**
 * The table's geometry: `rowLayoutOf({density: 'compact', wrap: false, columns: ['time']}, 'wide')`
 * has `rowHeight` 32, `measured` false and `--log-columns: 144px`.
 */
export function rowLayoutOf(layout: TableLayout, mode: WidthMode): RowLayout {
  const columns = visibleColumns(layout.columns, mode);
  const measured = layout.wrap || mode === 'cards';
  const tracks = columns.map((column) => (mode === 'medium' ? column.mediumTrack : column.track));
  const minWidth = mode === 'wide' ? columns.reduce((sum, column) => sum + column.minWidth, 0) : 0;
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
    style: {
      '--log-columns': tracks.join(' '),
      '--log-min-width': `${minWidth}px`,
    } as CSSProperties,
  };
}

const CARDS_QUERY = '(max-width: 600px)';
const MEDIUM_QUERY = '(max-width: 1000px)';

/** The window's width mode now, following it as the window is resized. */
export function useWidthMode(): WidthMode {
  const cards = useMediaQuery(CARDS_QUERY);
  const medium = useMediaQuery(MEDIUM_QUERY);
  return cards ? 'cards' : medium ? 'medium' : 'wide';
}

/** The row layout at the window's width now. */
export function useRowLayout(layout: TableLayout): RowLayout {
  const mode = useWidthMode();
  return useMemo(() => rowLayoutOf(layout, mode), [layout, mode]);
}
