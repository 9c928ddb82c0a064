import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS, useSettledRange } from './use-settled-range.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The hook, and how many times it has rendered so far. */
function renderCounted() {
  let count = 0;
  const { result } = renderHook(() => {
    count++;
    return useSettledRange();
  });
  return { result, renders: () => count };
}

describe('useSettledRange', () => {
  it('takes the first range at once, as moving until it settles', () => {
    const { result } = renderHook(() => useSettledRange());
    act(() => result.current.change(0, 20));
    expect(result.current.range).toEqual({ first: 0, last: 20 });
    expect(result.current.moving).toBe(true);
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    expect(result.current.range).toEqual({ first: 0, last: 20 });
    expect(result.current.moving).toBe(false);
  });

  it('settles on time however often the same range is said again (the rows changed)', () => {
    const { result } = renderHook(() => useSettledRange());
    act(() => result.current.change(0, 20));
    act(() => result.current.change(300, 320));
    for (let tick = 0; tick < 10; tick++) {
      act(() => {
        vi.advanceTimersByTime(SETTLE_MS / 3);
        result.current.change(300, 320);
      });
    }
    expect(result.current.range).toEqual({ first: 300, last: 320 });
    expect(result.current.moving).toBe(false);
  });

  it('renders a burst of ranges (a fast scroll) once at its start and once when it settles', () => {
    const { result, renders } = renderCounted();
    act(() => result.current.change(0, 20));
    const afterFirst = renders();
    for (let frame = 1; frame <= 30; frame++) {
      act(() => {
        result.current.change(frame * 90, frame * 90 + 20);
        vi.advanceTimersByTime(16);
      });
    }
    expect(renders()).toBe(afterFirst);
    expect(result.current.range).toEqual({ first: 0, last: 20 });
    expect(result.current.moving).toBe(true);
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    expect(result.current.range).toEqual({ first: 2700, last: 2720 });
    expect(result.current.moving).toBe(false);
    expect(renders()).toBe(afterFirst + 1);
  });

  it('takes a range at once again after the last one settled', () => {
    const { result } = renderHook(() => useSettledRange());
    act(() => result.current.change(0, 20));
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    act(() => result.current.change(500, 520));
    expect(result.current.range).toEqual({ first: 500, last: 520 });
  });

  it('renders nothing when the range said again did not move', () => {
    const { result, renders } = renderCounted();
    act(() => result.current.change(0, 20));
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    const settled = renders();
    act(() => result.current.change(0, 20));
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    expect(renders()).toBe(settled);
    expect(result.current.moving).toBe(false);
  });

  it('sets nothing after it is gone', () => {
    const { result, unmount } = renderHook(() => useSettledRange());
    act(() => result.current.change(0, 20));
    act(() => result.current.change(40, 60));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
