/**
 * Whether a scroll container's content is wider than it (it scrolls sideways), following both as
 * they resize: the window, the columns. The table pins its time column only then: a pinned cell
 * is `position: sticky` in every row, one more layer the browser keeps in place on every frame
 * of a scroll, for nothing while nothing can scroll under it.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useScrollsSideways(ref: RefObject<HTMLElement | null>): boolean {
  const [sideways, setSideways] = useState(false);
  useLayoutEffect(() => {
    const scroller = ref.current;
    // Environments without ResizeObserver (jsdom) never pin.
    if (!scroller || typeof ResizeObserver === 'undefined') return;
    const check = () => setSideways(scroller.scrollWidth > scroller.clientWidth);
    const observer = new ResizeObserver(check);
    observer.observe(scroller);
    // The content: it widens when a column is made wider, with no change to the scroller.
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
    check();
    return () => observer.disconnect();
  }, [ref]);
  return sideways;
}
