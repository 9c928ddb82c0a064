/**
 * Properties of the window plan: the first cut of a range (`planWindows`) and every later one
 * (`stealWork`) leave windows that partition what is left to read exactly, newest first, with
 * no gap and no overlap, so no event can be read twice or skipped whatever the reader's order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeWindow } from '../time-window.ts';
import { planWindows } from './time-window.ts';
import type { WindowSpool } from './window-spool.ts';
import { newWindow, stealWork, type ReadStats, type WindowState } from './work-stealing.ts';

const spool = (): WindowSpool<number> => ({ push: () => undefined, take: () => [] });

/** The windows cover `[from, to)` newest first, each at least a second, edge to edge. */
function expectPartition(windows: readonly TimeWindow[], { from, to }: TimeWindow) {
  let edge = to;
  for (const w of windows) {
    expect(w.to).toBe(edge);
    expect(w.from).toBeLessThan(w.to);
    edge = w.from;
  }
  expect(edge).toBe(from);
}

const rangeArb = fc.record({
  from: fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 2_000_000_000 })),
  length: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 2_000_000_000 })),
});

describe('window plan', () => {
  it('cuts any range into at most `count` windows that partition it exactly', () => {
    fc.assert(
      fc.property(rangeArb, fc.integer({ min: 1, max: 32 }), ({ from, length }, count) => {
        const range = { from, to: from + length };
        const windows = planWindows(range, count);
        expect(windows.length).toBe(Math.min(count, length));
        expectPartition(windows, range);
      }),
    );
  });

  it('keeps the windows a partition of what is unread through any sequence of steals', () => {
    // Each step: which window's chain reads on (a fraction of its unread seconds, and how dense
    // its page was), or a free chain stealing.
    const stepArb = fc.oneof(
      fc.record({
        read: fc.nat(),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
        density: fc.double({ min: 0.0001, max: 500, noNaN: true }),
      }),
      fc.constant({ steal: true as const }),
    );
    fc.assert(
      fc.property(
        rangeArb,
        fc.integer({ min: 1, max: 8 }),
        fc.array(stepArb, { maxLength: 60 }),
        ({ from, length }, count, steps) => {
          const range = { from, to: from + length };
          const windows: WindowState<number>[] = planWindows(range, count).map((w) =>
            newWindow(w, spool()),
          );
          const stats: ReadStats = { top: range.to, events: 0, seconds: 0, largestPage: 1 };
          for (const step of steps) {
            if ('steal' in step) {
              const stolen = stealWork(windows, stats, spool);
              if (stolen) stolen.status = 'running';
            } else {
              const w = windows[step.read % windows.length]!;
              if (w.status === 'done') continue;
              // A page read down from `readDownTo`; the window is done once past its start.
              const down = Math.floor((w.readDownTo - w.from) * step.share);
              w.readDownTo -= down;
              w.pages += 1;
              w.density = step.density;
              w.status = w.readDownTo === w.from ? 'done' : 'running';
            }
            // Every window still covers its own span, edge to edge with the next.
            expectPartition(windows, range);
            for (const w of windows) {
              expect(w.readDownTo).toBeGreaterThanOrEqual(w.from);
              expect(w.readDownTo).toBeLessThanOrEqual(w.to);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
