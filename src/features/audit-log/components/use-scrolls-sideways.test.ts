import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useScrollsSideways } from './use-scrolls-sideways.ts';

/** A scroller `width` px wide around content `contentWidth` px wide, its sizes settable. */
function scrollerOf(width: number, contentWidth: number) {
  const scroller = document.createElement('div');
  scroller.append(document.createElement('div'));
  const sizes = { width, contentWidth };
  Object.defineProperty(scroller, 'clientWidth', { get: () => sizes.width });
  Object.defineProperty(scroller, 'scrollWidth', {
    get: () => Math.max(sizes.width, sizes.contentWidth),
  });
  return { scroller, sizes };
}

const observers: { callback: () => void; observed: Element[]; disconnected: boolean }[] = [];
vi.stubGlobal(
  'ResizeObserver',
  class {
    entry: (typeof observers)[number];
    constructor(callback: () => void) {
      this.entry = { callback, observed: [], disconnected: false };
      observers.push(this.entry);
    }
    observe(element: Element) {
      this.entry.observed.push(element);
    }
    disconnect() {
      this.entry.disconnected = true;
    }
  },
);

afterEach(() => {
  observers.length = 0;
});

describe('useScrollsSideways', () => {
  it('is false while the content fits and true once it is wider, both ways', () => {
    const { scroller, sizes } = scrollerOf(1100, 1106);
    const { result } = renderHook(() => useScrollsSideways({ current: scroller }));
    expect(result.current).toBe(true);
    sizes.width = 1200;
    act(() => observers[0]!.callback());
    expect(result.current).toBe(false);
    sizes.contentWidth = 1500;
    act(() => observers[0]!.callback());
    expect(result.current).toBe(true);
  });

  it('watches the scroller and its content, and stops when it is gone', () => {
    const { scroller } = scrollerOf(1200, 1106);
    const { result, unmount } = renderHook(() => useScrollsSideways({ current: scroller }));
    expect(result.current).toBe(false);
    expect(observers[0]!.observed).toEqual([scroller, scroller.firstElementChild]);
    unmount();
    expect(observers[0]!.disconnected).toBe(true);
  });
});
