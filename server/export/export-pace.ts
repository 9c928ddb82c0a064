/**
 * Shares the one thread between exports and everything else. better-sqlite3 is synchronous, so
 * an export's reading and encoding run on the thread that answers every request: two exports
 * streaming flat out took the list's p99 from 184 ms to a second (issue 21). So an export works
 * in slices (one batch read and encoded, a few milliseconds), and after each slice, when other
 * requests arrived meanwhile, it rests `REST_FACTOR` × the slice × the exports streaming. One
 * export then takes at most a third of the thread from waiting requests, and any number of
 * exports together at most half; alone, an export only yields one turn of the event loop
 * between slices and runs at full speed (docs/decisions/025-exports-yield.md).
 */
import type { MiddlewareHandler } from 'hono';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

export const REST_FACTOR = 2;

let arrivals = 0;
let streaming = 0;

/** Counts the requests that arrive, so exports can tell whether others want the thread. */
export const countArrival: MiddlewareHandler = async (_c, next) => {
  arrivals++;
  await next();
};

/**
 * How long an export rests after a slice of `sliceMs`:
 * `restAfterSlice(4, true, 2) === 16`, and 0 when no other request arrived.
 */
export function restAfterSlice(
  sliceMs: number,
  othersArrived: boolean,
  exportsStreaming: number,
): number {
  return othersArrived ? sliceMs * REST_FACTOR * Math.max(1, exportsStreaming) : 0;
}

export interface Pace {
  /** Called after each slice with its length; resolves when the export may go on. */
  rest(sliceMs: number): Promise<void>;
  /** The export has ended (finished, failed or abandoned). */
  finish(): void;
}

/** Only a turn of the event loop between slices: for work no request waits on. */
export const unpaced: Pace = { rest: () => nextTurn(), finish: () => {} };

/** The pace of one export stream; `finish()` it when the stream ends. */
export function exportPace(): Pace {
  streaming++;
  let seen = arrivals;
  let finished = false;
  return {
    async rest(sliceMs) {
      // One turn first: requests already read get answered before anything else.
      await nextTurn();
      const ms = restAfterSlice(sliceMs, arrivals !== seen, streaming);
      seen = arrivals;
      if (ms >= 1) await sleep(ms);
    },
    finish() {
      if (!finished) streaming--;
      finished = true;
    },
  };
}
