/**
 * The windows of one read, newest first, and the work stealing between them: when a chain is
 * free, the window with the most unread events left (estimated from how dense its last page
 * was) gives up the older half of what it is expected to have left, if that is more than a page.
 * Its own chain keeps the newer half and stops once it passes the cut, so a burst of events in
 * one hour still spreads over many chains.
 */
import type { ResolvedTimeBounds } from '../audit-log-query.ts';
import { splitPoint } from './time-window.ts';
import type { WindowSpool } from './window-spool.ts';
import type { TimeWindow } from '../time-window.ts';

export interface WindowState<Chunk> extends TimeWindow {
  status: 'waiting' | 'running' | 'done';
  /** Fixed at the chain's first request: its continuation tokens belong to these bounds. */
  bounds?: ResolvedTimeBounds;
  token?: string;
  /** Every event of the window at or after this second has been delivered. */
  readDownTo: number;
  events: number;
  pages: number;
  /** Events per second where the chain is now: over the seconds its last page spanned. */
  density?: number;
  spool: WindowSpool<Chunk>;
}

export function newWindow<Chunk>(
  window: TimeWindow,
  spool: WindowSpool<Chunk>,
): WindowState<Chunk> {
  return { ...window, status: 'waiting', readDownTo: window.to, events: 0, pages: 0, spool };
}

/** Seconds not yet read: `[from, readDownTo)`. */
export const unreadSeconds = (w: WindowState<unknown>) => w.readDownTo - w.from;

export interface ReadStats {
  /** The range's end: how far back the read has reached is measured from it. */
  top: number;
  /** Events delivered so far by all windows, and the seconds they covered. */
  events: number;
  seconds: number;
  /** The largest page seen: a remainder smaller than this is left to its own chain. */
  largestPage: number;
}

/**
 * How much further back than it has been read a log is expected to reach, as a multiple of what
 * has been read: a log read back a month is expected to begin four months ago. Chosen in virtual
 * time, reading "All time" of logs from 3 days to 5 years old (1 and 7 cost a few more requests;
 * halving the decades since 1970, as bounded windows are cut, cost the most).
 */
const UNKNOWN_PAST = 3;

/**
 * Where a window's unread events are expected to begin: its start, unless it reaches back to the
 * beginning of time (`from` 0), where nobody knows when the log began: then `UNKNOWN_PAST` times
 * as far below its read as the read reaches above it. Halving the decades before the log's first
 * event would cost a request each to learn they are empty; this cuts where events are likely,
 * and the part cut off still reaches back to 1970, so nothing older is missed.
 */
export function expectedFrom(w: WindowState<unknown>, top: number): number {
  return w.from === 0 ? Math.max(0, w.readDownTo - UNKNOWN_PAST * (top - w.readDownTo)) : w.from;
}

function estimatedUnread(w: WindowState<unknown>, stats: ReadStats): number {
  const density = w.density ?? (stats.seconds > 0 ? stats.events / stats.seconds : 1);
  return (w.readDownTo - expectedFrom(w, stats.top)) * density;
}

/** Where to cut a window: halfway through what it is expected to have left. */
function cutOf(w: WindowState<unknown>, stats: ReadStats): number | undefined {
  return splitPoint({ from: expectedFrom(w, stats.top), to: w.to }, w.readDownTo);
}

/**
 * Splits the window with the largest unread remainder worth a chain of its own; inserts the
 * stolen older part after it (keeping newest-first order) and returns it, or undefined.
 */
export function stealWork<Chunk>(
  windows: WindowState<Chunk>[],
  stats: ReadStats,
  spool: () => WindowSpool<Chunk>,
): WindowState<Chunk> | undefined {
  let best: WindowState<Chunk> | undefined;
  let bestScore = 0;
  for (const w of windows) {
    // A window is split only once its first page has told how dense it is: the first plan
    // already gave every chain a window, and cutting blind halves an empty span again and again.
    if (w.status === 'done' || w.pages === 0) continue;
    if (cutOf(w, stats) === undefined) continue;
    const score = estimatedUnread(w, stats);
    if (score < stats.largestPage) continue;
    if (score > bestScore) [best, bestScore] = [w, score];
  }
  // Halves rather than leaving the victim a page: every window ends in a page that runs past
  // its cut, so fewer, larger windows cost fewer requests (what a rate limit counts).
  const cut = best && cutOf(best, stats);
  if (!best || cut === undefined) return undefined;
  const stolen = newWindow({ from: best.from, to: cut }, spool());
  best.from = cut;
  windows.splice(windows.indexOf(best) + 1, 0, stolen);
  return stolen;
}
