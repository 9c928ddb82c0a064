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

export function useSettledRange(): {
  range: RowRange;
  change: (first: number, last: number) => void;
} {
  const [range, setRange] = useState<RowRange>({ first: 0, last: -1 });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef<RowRange>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const take = useCallback(({ first, last }: RowRange) => {
    setRange((current) =>
      current.first === first && current.last === last ? current : { first, last },
    );
  }, []);
  const change = useCallback(
    (first: number, last: number) => {
      const moving = timer.current !== undefined;
      latest.current = { first, last };
      if (!moving) take(latest.current);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        if (latest.current) take(latest.current);
      }, SETTLE_MS);
    },
    [take],
  );
  return { range, change };
}
