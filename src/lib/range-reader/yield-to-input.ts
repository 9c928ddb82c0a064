/**
 * A read that gives way to the person: while they scroll, the page asks the reader to start no
 * request for a moment, so the read's CPU (answers parsed and indexed, on a machine of two
 * cores) does not land in the frames they scroll through. Requests in flight go on; their
 * answers are handed on once the hold ends. The read gives way at most `MAX_HOLD_MS` in a row,
 * so a person who never stops scrolling (or a stuck wheel) still gets the read; a pause in the
 * scrolling starts a new hold.
 */

/** How long one sign of scrolling holds new requests back. */
export const YIELD_MS = 300;
/** The longest the read gives way in a row, however long the scrolling goes on. */
export const MAX_HOLD_MS = 30_000;

export interface InputYield {
  /** No request starts for the next `ms` (a later end wins over an earlier one). */
  yieldFor(ms: number): void;
  /** `fetch`, started only once no yield holds it (or the hold has lasted `MAX_HOLD_MS`). */
  wrap<A extends unknown[], R>(
    fetch: (...args: A) => Promise<R>,
    onWait?: (ms: number) => void,
  ): (...args: A) => Promise<R>;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createInputYield(now: () => number = Date.now, sleep = delay): InputYield {
  /** The current hold: when it began and when it ends (both in the past when there is none). */
  let heldSince = -Infinity;
  let until = -Infinity;
  const waitLeft = () => Math.min(until, heldSince + MAX_HOLD_MS) - now();
  return {
    yieldFor(ms) {
      const at = now();
      if (until < at) heldSince = at;
      until = Math.max(until, at + ms);
    },
    wrap(fetch, onWait) {
      const held = async () => {
        for (let wait = waitLeft(); wait > 0; wait = waitLeft()) {
          onWait?.(wait);
          await sleep(wait);
        }
      };
      return async (...args) => {
        await held();
        const answer = await fetch(...args);
        // An answer that lands while the person scrolls is taken in (encoded, indexed) after.
        await held();
        return answer;
      };
    },
  };
}
