/**
 * A column's resize handle: the right edge of its header cell. Drag it (the library's resize
 * handler), double-click it to fit the widest value in view, or Tab to it and use the arrow keys
 * (Shift for bigger steps) and Enter to fit. It is a focusable separator, so a screen reader says
 * the column's width and its bounds.
 */
import type { ColumnSizingState, Header, Table } from '@tanstack/react-table';
import type { KeyboardEvent, MouseEvent, TouchEvent } from 'react';
import { shortcutOf } from '../../../lib/keyboard-shortcuts.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { clampWidth, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../view/column-widths.ts';
import type { ColumnId } from '../view/view-schema.ts';
import { holdRenderedWidth } from './log-column-table.tsx';

const STEP = 16;
const BIG_STEP = 64;

interface ColumnResizeHandleProps {
  header: Header<AuditLogEvent, unknown>;
  table: Table<AuditLogEvent>;
  /** The column's name, as its header and the chooser say it. */
  name: string;
  /** Its width on screen now, in px. */
  width: number;
}

const headerCellOf = (element: Element) =>
  element.closest<HTMLElement>('[role="columnheader"]') ?? element;

/**
 * The width that shows the widest of a column's rendered cells whole, its header included: each
 * cell is laid out at its content's width for one measurement, then given back its track.
 */
export function widestCellWidth(scroller: Element, id: ColumnId): number {
  const cells = [
    ...scroller.querySelectorAll<HTMLElement>(
      `:is(.log-row--head, .log-row--body:not(.log-row--pending)) > .log-cell--${id}`,
    ),
  ];
  for (const cell of cells) cell.style.width = 'max-content';
  const widest = Math.max(0, ...cells.map((cell) => cell.getBoundingClientRect().width));
  for (const cell of cells) cell.style.width = '';
  return Math.ceil(widest);
}

/** Sizes with one column's width set, or left out (its default track) when `width` is none. */
function withWidth(sizing: ColumnSizingState, id: ColumnId, width: number | undefined) {
  const { [id]: _dropped, ...rest } = sizing;
  return width === undefined ? rest : { ...rest, [id]: width };
}

export function ColumnResizeHandle({ header, table, name, width }: ColumnResizeHandleProps) {
  const id = header.column.id as ColumnId;
  const resizeTo = (px: number) =>
    table.setColumnSizing((sizing) => ({ ...sizing, [id]: clampWidth(px) }));

  const startDrag = (event: MouseEvent<HTMLElement> | TouchEvent<HTMLElement>) => {
    const touch = 'touches' in event;
    const startX = touch ? event.touches[0]?.clientX : event.clientX;
    const before = table.getState().columnSizing[id];
    holdRenderedWidth(table, id, headerCellOf(event.currentTarget).getBoundingClientRect().width);
    header.getResizeHandler()(event);
    // After the library's own end (added before this one): a press that ends where it began
    // leaves the column as it was, on its default track if it had one, so the URL stays.
    const end = touch ? 'touchend' : 'mouseup';
    const onEnd = (done: globalThis.MouseEvent | globalThis.TouchEvent) => {
      document.removeEventListener(end, onEnd as EventListener);
      const endX = 'changedTouches' in done ? done.changedTouches[0]?.clientX : done.clientX;
      if (endX === startX) table.setColumnSizing((sizing) => withWidth(sizing, id, before));
    };
    document.addEventListener(end, onEnd as EventListener);
  };
  const fit = (handle: Element) => {
    const scroller = handle.closest('.table-scroll');
    if (scroller) resizeTo(widestCellWidth(scroller, id));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const shortcut = shortcutOf(event, 'column');
    if (shortcut === undefined) return;
    event.preventDefault();
    if (shortcut === 'fitColumn') return fit(event.currentTarget);
    const step = (event.shiftKey ? BIG_STEP : STEP) * (shortcut === 'widenColumn' ? 1 : -1);
    resizeTo(width + step);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${name} column`}
      aria-valuenow={Math.round(width)}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      title="Drag to resize, double-click to fit"
      className={`col-resize${header.column.getIsResizing() ? ' col-resize--active' : ''}`}
      onMouseDown={startDrag}
      onTouchStart={startDrag}
      onDoubleClick={(event) => fit(event.currentTarget)}
      onKeyDown={onKeyDown}
    />
  );
}
