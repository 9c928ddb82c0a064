import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trailingThrottle } from './trailing-throttle.ts';

describe('trailingThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first value at once and the last of a burst when the interval ends', () => {
    const sent: number[] = [];
    const throttle = trailingThrottle((v: number) => sent.push(v), 100, Date.now);
    throttle.push(1);
    throttle.push(2);
    throttle.push(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(99);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(500);
    throttle.push(4); // a quiet interval has passed: at once
    expect(sent).toEqual([1, 3, 4]);
  });

  it('never sends more than one value per interval, however values arrive', () => {
    const sentAt: number[] = [];
    const throttle = trailingThrottle(() => sentAt.push(Date.now()), 100, Date.now);
    for (let t = 0; t < 1000; t += 7) {
      throttle.push(t);
      vi.advanceTimersByTime(7);
    }
    vi.advanceTimersByTime(200);
    const gaps = sentAt.slice(1).map((at, i) => at - (sentAt[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(sentAt.length).toBeGreaterThanOrEqual(9);
  });

  it('drops a held value when cancelled', () => {
    const sent: number[] = [];
    const throttle = trailingThrottle((v: number) => sent.push(v), 100, Date.now);
    throttle.push(1);
    throttle.push(2);
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([1]);
  });

  it('sends the first value after a cancel at once', () => {
    const sent: number[] = [];
    const throttle = trailingThrottle((v: number) => sent.push(v), 100, Date.now);
    throttle.push(1);
    throttle.cancel();
    throttle.push(2);
    expect(sent).toEqual([1, 2]);
  });

  it('sends nothing during quiet time, then the latest value once it has passed', () => {
    const sent: number[] = [];
    let quietUntil = -Infinity;
    const throttle = trailingThrottle(
      (v: number) => sent.push(v),
      100,
      Date.now,
      () => quietUntil,
    );
    quietUntil = Date.now() + 300;
    throttle.push(1);
    throttle.push(2);
    vi.advanceTimersByTime(250);
    // Still scrolling: the quiet time is pushed on while a value is held.
    quietUntil = Date.now() + 300;
    throttle.push(3);
    vi.advanceTimersByTime(299);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([3]);
    throttle.push(4); // within the interval after a send: held as before
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([3, 4]);
  });
});
