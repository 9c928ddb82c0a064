/**
 * The log as a virtualised ARIA table: only the rows in view (plus a small overscan) are in the
 * DOM, however many pages are loaded. Rows have one height, or, when they wrap or are cards,
 * are measured as they render. Rows are memoised and get only props that stay the same while
 * they are in view, so a scroll renders the rows that enter and a new page renders its own rows,
 * if any are in view. The pages around the view are asked for through `onRangeChange`.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { describeShortcuts } from '../../../lib/keyboard-shortcuts.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import type { LoadedRows } from '../api/loaded-rows.ts';
import type { TableLayout } from '../view/table-layout.ts';
import type { ColumnId } from '../view/view-schema.ts';
import { columnTracks, shownColumns } from './log-column-model.ts';
import { useLogColumns } from './log-column-table.tsx';
import { columnById, type RowDisplay } from './log-columns.tsx';
import { LogRow } from './log-row.tsx';
import { LogTableHead } from './log-table-head.tsx';
import { pinClasses, rowLayoutOf, useWidthMode } from './row-layout.ts';
import { RowSlots } from './row-slots.ts';
import { useScrollsSideways } from './use-scrolls-sideways.ts';
import { useRowFocus } from './use-row-focus.ts';
import { useTableKeyboard } from './use-table-keyboard.ts';

/**
 * Rows rendered beyond the view each way. A screenful scrolled renders every row anew, overscan
 * included, so each extra row is paid on every fast scroll; rows have one height and render in
 * a frame, so a few cover a wheel's smaller steps and a focused row's neighbours.
 */
export const OVERSCAN = 3;
const idsOf = (key: string) => (key === '' ? [] : (key.split(',') as ColumnId[]));
const TABLE_SHORTCUTS = describeShortcuts('table');

interface AuditLogTableProps {
  rows: LoadedRows;
  /** Rows known in the view so far, in memory or not. */
  rowCount: number;
  display: RowDisplay;
  /** The range index's markers of an event (first address, burst), 0 when unknown. */
  marksOf?: (event: AuditLogEvent) => number;
  /** Density and wrap; the columns are the column table's. */
  layout: Pick<TableLayout, 'density' | 'wrap'>;
  /** True when more rows may follow (the row count is then unknown). */
  hasMore: boolean;
  /**
   * Called with the first and last row rendered whenever they change, and the first row in view
   * (rows above it may be rendered too: the focused one is kept).
   */
  onRangeChange: (first: number, last: number, top: number) => void;
  /** Shown under the last row: loading, the end of the log, or a failed page. */
  footer: ReactNode;
  /** Opens the details of the row at `index`. */
  onOpenRow: (index: number) => void;
  /** Shows only the events of the user of the row at `index`. */
  onFilterRowUser: (index: number) => void;
  /** The row a link names, marked as such. */
  highlightIndex?: number;
  /** A row to bring into view once (a link opened afresh). */
  revealIndex?: number;
  /** Where the rows come from (the API's pages or the index's), for tests and tools. */
  rowSource?: 'api' | 'index';
  /** Called on every scroll of the rows (a read in the background gives way). */
  onScroll?: () => void;
}

export function AuditLogTable({
  rows,
  rowCount,
  display,
  marksOf,
  layout,
  hasMore,
  onRangeChange,
  footer,
  onOpenRow,
  onFilterRowUser,
  highlightIndex,
  revealIndex,
  rowSource,
  onScroll,
}: AuditLogTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const focus = useRowFocus();
  const { table, widths, resizing } = useLogColumns();
  const mode = useWidthMode();
  // Rows get a layout that stays the same while only widths change: a resize renders no row.
  const shownKey = shownColumns(table, mode)
    .map((column) => column.id)
    .join(',');
  const { density, wrap } = layout;
  const rowLayout = useMemo(
    () => rowLayoutOf(idsOf(shownKey).map(columnById), { density, wrap }, mode),
    [shownKey, density, wrap, mode],
  );
  // Pinned only while the table scrolls sideways (use-scrolls-sideways.ts): a class of the
  // container, so pinning renders no row.
  const sideways = useScrollsSideways(scrollRef);
  const pinned = sideways
    ? pinClasses(
        mode,
        table.getLeftLeafColumns().map((column) => column.id as ColumnId),
      )
    : '';
  const tracks = useMemo(
    () => columnTracks(rowLayout.columns, widths, mode),
    [rowLayout, widths, mode],
  );
  const { rowHeight, measured } = rowLayout;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only during render
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    rangeExtractor: focus.rangeExtractor,
  });
  // Heights measured in another layout (or estimated for another density) no longer hold.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowLayout]);
  const items = virtualizer.getVirtualItems();
  const [slots] = useState(() => new RowSlots());
  // Measured rows are keyed by index: their elements are measured once, when they mount.
  const keys = measured ? undefined : slots.keysOf(items.map((item) => item.index));
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  // The first row in view: rows above it may be rendered too (the focused one is kept).
  const top = virtualizer.range?.startIndex ?? first;
  const keyboard = useTableKeyboard({
    scrollRef,
    focus,
    rowCount,
    isShown: (index) => rows.at(index) !== undefined && items.some((item) => item.index === index),
    inView: {
      first: top,
      last: virtualizer.range?.endIndex ?? last,
    },
    scrollToIndex: (index) => virtualizer.scrollToIndex(index),
    onOpenRow,
    onFilterRowUser,
  });

  useEffect(() => {
    onRangeChange(first, last, top);
  }, [first, last, top, rows, onRangeChange]);

  useEffect(() => {
    if (revealIndex !== undefined) virtualizer.scrollToIndex(revealIndex, { align: 'center' });
  }, [revealIndex, virtualizer]);

  return (
    <div
      className={`${rowLayout.className}${pinned}${resizing === false ? '' : ' table-scroll--resizing'}`}
      style={tracks}
      ref={scrollRef}
      role="region"
      aria-label="Audit log events"
      data-skip-target
      data-row-source={rowSource}
      onScroll={onScroll}
      {...keyboard.scrollerProps}
    >
      <div
        className="log-table"
        role="table"
        aria-label="Audit log"
        aria-rowcount={hasMore ? -1 : rowCount + 1}
      >
        <LogTableHead
          tz={display.tz}
          columns={rowLayout.columns}
          resizable={rowLayout.mode !== 'cards'}
        />
        <div
          className="log-table__body"
          role="rowgroup"
          style={{ height: virtualizer.getTotalSize() }}
          {...keyboard.bodyProps}
        >
          {items.map(({ index, start }, k) => {
            const event = rows.at(index);
            return (
              <LogRow
                key={keys ? `slot-${keys[k]}` : index}
                index={index}
                start={measured ? start : index * rowHeight}
                height={measured ? undefined : rowHeight}
                event={event}
                marks={event && marksOf ? marksOf(event) : 0}
                tabbable={index === focus.activeIndex}
                highlighted={index === highlightIndex}
                display={display}
                layout={rowLayout}
                hintId={hintId}
                measureRef={measured ? virtualizer.measureElement : undefined}
              />
            );
          })}
        </div>
      </div>
      {footer}
      <span id={hintId} hidden>
        {TABLE_SHORTCUTS}
      </span>
    </div>
  );
}
