/**
 * Where the table's roving focus is: the row in the Tab order, whether focus is inside the
 * table, and a row that should take focus once it is rendered (after a jump). While focus is
 * inside, those rows stay rendered however far the view scrolls, so focus never falls back to
 * the page.
 */
import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { useCallback, useState, type FocusEvent } from 'react';

export function useRowFocus() {
  const [activeIndex, setActiveIndex] = useState(0);
  const [pendingIndex, setPendingIndex] = useState<number>();
  const [focusInside, setFocusInside] = useState(false);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const kept = focusInside ? [activeIndex, pendingIndex] : [pendingIndex];
      const extra = kept.filter(
        (index): index is number =>
          index !== undefined && index < range.count && !indexes.includes(index),
      );
      return extra.length ? [...indexes, ...extra].sort((a, b) => a - b) : indexes;
    },
    [activeIndex, pendingIndex, focusInside],
  );

  const onFocusIn = () => setFocusInside(true);
  const onFocusOut = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusInside(false);
  };

  return {
    activeIndex,
    setActiveIndex,
    pendingIndex,
    setPendingIndex,
    rangeExtractor,
    focusProps: { onFocus: onFocusIn, onBlur: onFocusOut },
  };
}

export type RowFocus = ReturnType<typeof useRowFocus>;
