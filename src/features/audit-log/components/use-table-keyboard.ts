/**
 * Keyboard and pointer handling of the table's rows, delegated to the body so the rows carry no
 * handlers of their own (and stay memoised). The table is one Tab stop with a roving focus: the
 * arrow keys, Page Up, Page Down, Home and End move the focused row and keep it in view, Enter or
 * a click opens the row's details, `u` shows only the events of the row's user. When the row in
 * the Tab order has scrolled out of the DOM, the scroll container takes its place and hands
 * focus to the first row in view (as it does when the skip link focuses it).
 */
import {
  useEffect,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { shortcutOf, type ShortcutId } from '../../../lib/keyboard-shortcuts.ts';
import type { RowFocus } from './use-row-focus.ts';
import type { RowRange } from './use-settled-range.ts';

interface TableKeyboardOptions {
  scrollRef: RefObject<HTMLDivElement | null>;
  focus: RowFocus;
  rowCount: number;
  /** Whether the row at `index` is in the DOM now (rendered, and its page loaded). */
  isShown: (index: number) => boolean;
  /** The first and last row in view. */
  inView: RowRange;
  scrollToIndex: (index: number) => void;
  onOpenRow: (index: number) => void;
  onFilterRowUser: (index: number) => void;
}

function rowIndexOf(target: EventTarget | null): number | undefined {
  const row = (target as Element | null)?.closest?.('[data-row-index]');
  return row ? Number(row.getAttribute('data-row-index')) : undefined;
}

/** Where a shortcut moves the focus from row `index`; undefined for those that do not move it. */
function targetOf(id: ShortcutId, index: number, pageRows: number, rowCount: number) {
  const moves: Partial<Record<ShortcutId, number>> = {
    nextRow: index + 1,
    previousRow: index - 1,
    pageDown: index + pageRows,
    pageUp: index - pageRows,
    firstRow: 0,
    lastRow: rowCount - 1,
  };
  const next = moves[id];
  return next === undefined ? undefined : Math.max(0, Math.min(rowCount - 1, next));
}

export function useTableKeyboard(options: TableKeyboardOptions) {
  const { scrollRef, focus, rowCount, isShown, inView, scrollToIndex } = options;
  const { onOpenRow, onFilterRowUser } = options;
  const rowElement = (index: number) =>
    scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`);

  // A jump lands once its row is rendered (and loaded): focus it then.
  const { pendingIndex, setPendingIndex } = focus;
  useEffect(() => {
    if (pendingIndex === undefined) return;
    const row = rowElement(pendingIndex);
    if (!row) return;
    row.focus();
    setPendingIndex(undefined);
  });

  const moveTo = (index: number) => {
    const row = rowElement(index);
    if (row) return row.focus();
    scrollToIndex(index);
    setPendingIndex(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = rowIndexOf(event.target);
    // Keys pressed on a control inside the row (the avatar button) are that control's.
    if (index === undefined || !(event.target as Element).matches('[data-row-index]')) return;
    const id = shortcutOf(event, 'table');
    if (id === undefined) return;
    if (id === 'openRow') onOpenRow(index);
    else if (id === 'filterUser') onFilterRowUser(index);
    else {
      const pageRows = Math.max(1, inView.last - inView.first);
      const next = targetOf(id, index, pageRows, rowCount);
      if (next === undefined) return;
      if (next !== index) moveTo(next);
    }
    event.preventDefault();
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const index = rowIndexOf(event.target);
    // The avatar filters; selecting text to copy it is not a request for details.
    if (index === undefined || (event.target as Element).closest('button, a')) return;
    if (window.getSelection()?.toString()) return;
    onOpenRow(index);
  };

  const onRowFocus = (event: FocusEvent<HTMLDivElement>) => {
    const index = rowIndexOf(event.target);
    if (index !== undefined) focus.setActiveIndex(index);
  };

  const onScrollerFocus = (event: FocusEvent<HTMLDivElement>) => {
    focus.focusProps.onFocus();
    if (event.target !== event.currentTarget) return;
    const active = focus.activeIndex;
    rowElement(isShown(active) ? active : inView.first)?.focus();
  };

  return {
    bodyProps: { onKeyDown, onClick, onFocus: onRowFocus },
    scrollerProps: {
      tabIndex: isShown(focus.activeIndex) ? -1 : 0,
      onFocus: onScrollerFocus,
      onBlur: focus.focusProps.onBlur,
    },
  };
}
