/**
 * The windows of one read, newest first, and the work stealing between them: when a chain is
 * free, the window with the most unread events left (estimated from how dense its last page was) gives up the older half of what it has not read, if that is more than a page. Its own chain
 * keeps the newer half and stops once it passes the cut, so a burst of events in one hour still
 * spreads over many chains.
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
  /** Events delivered so far by all windows, and the seconds they covered. */
  events: number;
  seconds: number;
  /** The largest page seen: a remainder smaller than this is left to its own chain. */
  largestPage: number;
}

function estimatedUnread(w: WindowState<unknown>, stats: ReadStats): number {
  const density = w.density ?? (stats.seconds > 0 ? stats.events / stats.seconds : 1);
  return unreadSeconds(w) * density;
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
    if (splitPoint(w, w.readDownTo) === undefined) continue;
    const score = estimatedUnread(w, stats);
    if (score < stats.largestPage) continue;
    if (score > bestScore) [best, bestScore] = [w, score];
  }
  // Halves rather than leaving the victim a page: every window ends in a page that runs past
  // its cut, so fewer, larger windows cost fewer requests (what a rate limit counts).
  const cut = best && splitPoint(best, best.readDownTo);
  if (!best || cut === undefined) return undefined;
  const stolen = newWindow({ from: best.from, to: cut }, spool());
  best.from = cut;
  windows.splice(windows.indexOf(best) + 1, 0, stolen);
  return stolen;
}
