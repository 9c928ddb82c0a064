/**
 * How densely a range holds events, from a few pages spread across it. People act in office
 * hours, so the view's newest page alone says more about the time of day it was read at than
 * about the range: read on a Wednesday afternoon it is several times denser than the range as
 * a whole, on a Sunday night several times sparser (decision note 015). One page before each of
 * `DENSITY_SAMPLES` seconds, one in each equal part of the range at a place that falls at a
 * different hour of the day and day of the week, gives the range's density within a few
 * percent for about as many requests as 1,600 events take to read.
 */
import type { TimeWindow } from '../../../lib/time-window.ts';
import type { ProbePage } from './log-start.ts';

export const DENSITY_SAMPLES = 16;

/** The golden ratio's fraction: successive multiples fill [0, 1) as evenly as any sequence. */
const GOLDEN = (Math.sqrt(5) - 1) / 2;
const DAY = 24 * 3600;
const WEEK = 7 * DAY;

/**
 * The seconds before which the samples are read. People's logs repeat by the week (or, in a
 * shorter range, by the day), so the samples fall at evenly spread times of that cycle, one
 * every seventh of a day for 16 samples over a week: an even sample of a repeating pattern
 * averages it out where random times would not. Which cycle each falls in is spread across the
 * range by a low-discrepancy sequence, so a trend over the range is sampled too.
 * `sampleEnds({from: 0, to: 1600}, 16)` is every 100 seconds from 100 to 1,600.
 */
export function sampleEnds({ from, to }: TimeWindow, samples = DENSITY_SAMPLES): number[] {
  const span = to - from;
  const period = span >= WEEK ? WEEK : span >= DAY ? DAY : span;
  const cycles = Math.max(1, Math.floor(span / period));
  return Array.from({ length: samples }, (_, i) => {
    const phase = ((i + 1) * period) / samples;
    const cycle = Math.floor(((0.5 + i * GOLDEN) % 1) * cycles);
    // The latest second at this phase of the cycle (counted from Unix time 0) not after `to`.
    const latest = to - ((((to - phase) % period) + period) % period);
    const end = latest - cycle * period;
    return Math.min(to, Math.max(from + 1, Math.round(end <= from ? end + period : end)));
  });
}

/** A page of the events in a window (newest first), as the V2 list answers it. */
export type FetchPageIn = (window: TimeWindow) => Promise<ProbePage>;

/**
 * Each sample counts the events of at least this many seconds before its end: a few hours,
 * short enough to tell office hours from the night around them.
 */
export const SAMPLE_SECONDS = 3 * 3600;

/** A sample expects about half a page of events: counted whole, not extrapolated. */
const SAMPLE_EVENTS = 50;

/**
 * Events per second in `window` from its page: the page's events when nothing follows them,
 * else (a page full before the window's start) over the seconds after its oldest event, whose
 * events it holds all of.
 */
export function densityIn(page: ProbePage, { from, to }: TimeWindow): number {
  if (!page.more) return page.events / Math.max(1, to - from);
  if (page.oldest === undefined) return 0;
  return to - page.oldest - 1 <= 0
    ? page.events
    : fullPageDensity(page.events, page.atOldest ?? 1, page.oldest, to);
}

/**
 * Events per second of a full page read back from `to`, newest first: over the seconds after
 * its `oldest`, whose events it holds all of (the page may end inside the oldest second, so its
 * `atOldest` events there do not count). `fullPageDensity(101, 1, 900, 1001) === 1`.
 */
export function fullPageDensity(events: number, atOldest: number, oldest: number, to: number) {
  return (events - atOldest) / (to - oldest - 1);
}

/**
 * The range's events per second on average (`expected` is the first page's guess): the mean of
 * `samples` windows' densities, each window the seconds before a `sampleEnds` second. A window's expected count is the
 * range's mean density times its length wherever it falls, so the mean is unbiased however
 * unevenly the events fall (a page's own span, grown until it holds a page of events, is not:
 * at a quiet hour it reaches back into a busy one).
 */
export async function sampleDensity(
  fetchIn: FetchPageIn,
  window: TimeWindow,
  expected: number,
  samples = DENSITY_SAMPLES,
): Promise<number> {
  // Long enough to hold half a page at the expected density (a sparse log's samples would
  // hold a few events each, or none), within its part of the range.
  const part = Math.floor((window.to - window.from) / samples);
  const wanted = Math.max(SAMPLE_SECONDS, Math.ceil(SAMPLE_EVENTS / expected));
  const length = Math.max(1, Math.min(part, wanted));
  const windows = sampleEnds(window, samples).map((end) => ({
    from: Math.max(window.from, end - length),
    to: end,
  }));
  const pages = await Promise.all(windows.map((w) => fetchIn(w)));
  const densities = pages.map((page, i) => densityIn(page, windows[i]!));
  return densities.reduce((sum, d) => sum + d, 0) / densities.length;
}
