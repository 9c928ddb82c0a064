import { describe, expect, it } from 'vitest';
import { testEvent } from '../../testing/test-pages.ts';
import { planWindows, requestBounds, splitPoint, trimToWindow } from './time-window.ts';

describe('time windows', () => {
  it('asks a second wider at the start, and from the beginning without a start', () => {
    expect(requestBounds({ from: 10, to: 20 })).toEqual({ startTime: 9, endTime: 20 });
    expect(requestBounds({ from: 0, to: 20 })).toEqual({ endTime: 20 });
  });

  it('trims a newest-first page to the window and sees when it has passed it', () => {
    const page = [21, 20, 19, 10, 9, 8].map((t) => testEvent(t));
    const trimmed = trimToWindow(page, { from: 10, to: 20 });
    expect(trimmed.events.map((e) => e.timestamp)).toEqual([19, 10]);
    expect(trimmed.passedWindow).toBe(true);
    expect(trimToWindow(page.slice(0, 3), { from: 10, to: 20 }).passedWindow).toBe(false);
  });

  it.each([
    [{ from: 0, to: 10 }, 10, 5],
    [{ from: 0, to: 10 }, 3, 2],
    [{ from: 0, to: 10 }, 1, 1],
    [{ from: 0, to: 2 }, 2, 1],
    // A second cannot be cut, nor a window read down to its start.
    [{ from: 0, to: 1 }, 1, undefined],
    [{ from: 0, to: 10 }, 0, undefined],
  ])('cuts %j read down to %i at %s', (window, unreadTo, cut) => {
    expect(splitPoint(window, unreadTo)).toBe(cut);
  });

  it('plans windows that tile the range newest first, none under a second', () => {
    expect(planWindows({ from: 0, to: 4 }, 2)).toEqual([
      { from: 2, to: 4 },
      { from: 0, to: 2 },
    ]);
    expect(planWindows({ from: 5, to: 7 }, 4)).toEqual([
      { from: 6, to: 7 },
      { from: 5, to: 6 },
    ]);
    expect(planWindows({ from: 5, to: 5 }, 4)).toEqual([]);
    // From the beginning of time: by age, the last day, 8 days, 64 days, and the rest to 1970.
    const DAY = 86_400;
    const now = 1_790_000_000;
    expect(planWindows({ from: 0, to: now }, 4)).toEqual([
      { from: now - DAY, to: now },
      { from: now - 8 * DAY, to: now - DAY },
      { from: now - 64 * DAY, to: now - 8 * DAY },
      { from: 0, to: now - 64 * DAY },
    ]);
    const windows = planWindows({ from: 100, to: 1337 }, 7);
    expect(windows[0]?.to).toBe(1337);
    expect(windows.at(-1)?.from).toBe(100);
    windows.slice(1).forEach((w, i) => expect(w.to).toBe(windows[i]?.from));
  });
});
