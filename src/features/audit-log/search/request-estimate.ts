/**
 * About how many list requests the range reader (`lib/range-reader/range-reader.ts`) sends to
 * read a range, from how many events it holds and where they lie. A request per page of events,
 * plus what reading in parallel windows adds: each window's chain ends with a page only partly
 * full (or empty, for a window with no events), and each chain the reader adds as it speeds up
 * cuts a window in two, so one more chain ends partly full. Decision note 015.
 */
import { DEFAULT_CONCURRENCY } from '../../../lib/range-reader/adaptive-limit.ts';
import { planWindows } from '../../../lib/range-reader/time-window.ts';
import type { TimeWindow } from '../../../lib/time-window.ts';

export interface EventSpread {
  /** Events in the range. */
  events: number;
  /** Where they begin: spread evenly from this second to the range's end. */
  from: number;
}

/**
 * Requests of one window's chain over `pages` pages of events: its last page is half full on
 * average, and a window of a page or less (even of none) still takes one.
 */
const chainRequests = (pages: number) => (pages <= 1 ? 1 : pages + 0.5);

/**
 * Empty windows cut from a window whose events fill only its newest `filled` share (in an "All
 * time" read the windows reach back to 1970): each free chain takes the older half of what the
 * window has not read, which holds nothing, until the cuts reach its events; one request each.
 * A chain is cut only while it still reads, so the other first chains cut it at most once per
 * page it has left.
 */
function emptyCuts(pages: number, filled: number, initial: number): number {
  if (pages <= 1 || filled >= 1 || filled <= 0) return 0;
  return Math.min(Math.log2(1 / filled), (initial - 1) * Math.ceil(pages - 1));
}

/**
 * Windows cut by the chains of windows that end at their first page (none or one page of
 * events: the day and weeks of an "All time" plan, say): each free chain cuts a window with
 * pages left, a request each (the cut window's chain ends in a page that runs past the cut).
 */
function quickCuts(lightWindows: number, pagesLeft: number): number {
  return Math.min(lightWindows, Math.floor(pagesLeft));
}

/**
 * Windows cut as the reader adds chains, half a request each: a window is cut only when it has
 * a page left after its first, and chains are added one at a time up to the most it runs.
 */
function speedUpCuts(pages: number, windows: number): number {
  return Math.min(DEFAULT_CONCURRENCY.max, Math.max(0, (pages - 2 * windows) / 2));
}

/**
 * About how many requests reading `range` takes, `pageSize` events a page:
 * `estimateRequests({from: 1000, to: 5000}, {events: 1000, from: 1000}, 100)` → 13 (four
 * windows of two and a half pages, three requests each, and about one for the cuts).
 */
export function estimateRequests(range: TimeWindow, spread: EventSpread, pageSize: number): number {
  const start = Math.min(range.to - 1, Math.max(range.from, spread.from));
  const initial = DEFAULT_CONCURRENCY.initial;
  const windows = planWindows(range, initial);
  let requests = 0;
  let [light, heavyPages] = [0, 0];
  for (const w of windows) {
    const filledSeconds = Math.max(0, w.to - Math.max(w.from, start));
    const pages = (spread.events * filledSeconds) / (range.to - start) / pageSize;
    const filled = filledSeconds / (w.to - w.from);
    // A window reaching back to 1970 is cut where its events are expected (work-stealing.ts).
    requests += chainRequests(pages) + (w.from === 0 ? 0 : emptyCuts(pages, filled, initial));
    if (pages <= 1) light += 1;
    else heavyPages += pages - 1;
  }
  requests += quickCuts(light, heavyPages);
  requests += speedUpCuts(spread.events / pageSize, windows.length) / 2;
  return Math.max(1, Math.round(requests));
}
