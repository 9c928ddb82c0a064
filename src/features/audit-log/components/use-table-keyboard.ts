/**
 * Keyboard and pointer handling of the table's rows, delegated to the body so the rows carry no
 * handlers of their own (and stay memoised). One row at a time is in the Tab order (roving
 * focus): the arrow keys move between rows, Enter or a click opens the row's details. When that
 * row has scrolled out of the DOM, the scroll container takes its place in the Tab order and
 * hands focus to the first row in view.
 */
import {
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };

interface TableKeyboardOptions {
  scrollRef: RefObject<HTMLDivElement | null>;
  rowCount: number;
  /** Whether the row at `index` is in the DOM now. */
  isRendered: (index: number) => boolean;
  /** The first row in view, which takes focus when the table is tabbed into. */
  firstInView: number;
  onOpenRow: (index: number) => void;
}

function rowIndexOf(target: EventTarget): number | undefined {
  const row = (target as Element).closest?.('[data-row-index]');
  return row ? Number(row.getAttribute('data-row-index')) : undefined;
}

export function useTableKeyboard(options: TableKeyboardOptions) {
  const { scrollRef, rowCount, isRendered, firstInView, onOpenRow } = options;
  const [activeIndex, setActiveIndex] = useState(0);
  const activeRendered = isRendered(activeIndex);

  // Overscan keeps the neighbouring rows rendered, so the next row is in the DOM.
  const focusRow = (index: number) =>
    scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = rowIndexOf(event.target);
    // Keys pressed on a control inside the row (the avatar button) are that control's.
    if (index === undefined || !(event.target as Element).matches('[data-row-index]')) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpenRow(index);
      return;
    }
    const next = index + (STEPS[event.key] ?? 0);
    if (next === index || next < 0 || next >= rowCount) return;
    event.preventDefault();
    focusRow(next);
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
    if (index !== undefined) setActiveIndex(index);
  };

  const onScrollerFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget) focusRow(firstInView);
  };

  return {
    activeIndex,
    bodyProps: { onKeyDown, onClick, onFocus: onRowFocus },
    scrollerProps: { tabIndex: activeRendered ? -1 : 0, onFocus: onScrollerFocus },
  };
}
