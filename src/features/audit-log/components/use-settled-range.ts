/**
 * The rows in view as the rest of the page sees them: the first range at once, then, while the
 * rows keep moving (a fast scroll changes them every frame), only once they have stayed put for
 * `SETTLE_MS`. The table fetches its rows from every range itself; what hangs on this one (the
 * range index's markers of the rows in view, the switch to the index's rows) would otherwise
 * render the results and ask the index worker again on every frame, for rows already gone.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Rows in view: the first and last rendered. */
export interface RowRange {
  first: number;
  last: number;
}

/** Long enough to span a frame of a fast scroll; short enough not to be seen as a delay. */
export const SETTLE_MS = 120;

interface Settled {
  range: RowRange;
  /** The rows in view moved since `range`, or may still: `range` is not where they are. */
  moving: boolean;
}

export function useSettledRange(): Settled & {
  change: (first: number, last: number) => void;
} {
  const [settled, setSettled] = useState<Settled>({
    range: { first: 0, last: -1 },
    moving: false,
  });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef<RowRange>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    },
    [],
  );
  const take = useCallback((range: RowRange, moving: boolean) => {
    setSettled((current) =>
      current.moving === moving &&
      current.range.first === range.first &&
      current.range.last === range.last
        ? current
        : { range, moving },
    );
  }, []);
  const change = useCallback(
    (first: number, last: number) => {
      // The table says the same range again when its rows change: that is no move, and must not
      // put off the settling of a scroll that has stopped.
      if (latest.current?.first === first && latest.current.last === last) return;
      const range = { first, last };
      latest.current = range;
      if (timer.current === undefined) take(range, true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        take(range, false);
      }, SETTLE_MS);
    },
    [take],
  );
  return { ...settled, change };
}
