import { describe, expect, it } from 'vitest';
import { createInputYield, MAX_HOLD_MS } from './yield-to-input.ts';

/** A clock that only moves when the code under test sleeps. */
function virtualClock() {
  let time = 1_000;
  const slept: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      slept.push(ms);
      time += ms;
    },
    advance: (ms: number) => (time += ms),
    slept,
  };
}

describe('createInputYield', () => {
  it('starts a request at once when the person is not scrolling', async () => {
    const clock = virtualClock();
    const input = createInputYield(clock.now, clock.sleep);
    const started: number[] = [];
    await input.wrap(async () => started.push(clock.now()))();
    expect(started).toEqual([1_000]);
    expect(clock.slept).toEqual([]);
  });

  it('holds a request until the last yield ends, and tells how long it waits', async () => {
    const clock = virtualClock();
    const input = createInputYield(clock.now, clock.sleep);
    input.yieldFor(300);
    clock.advance(100);
    input.yieldFor(300); // scrolling goes on: the yield now ends at 1_400
    const waits: number[] = [];
    let startedAt = 0;
    await input.wrap(
      async () => (startedAt = clock.now()),
      (ms) => waits.push(ms),
    )();
    expect(startedAt).toBe(1_400);
    expect(waits).toEqual([300]);
  });

  it('hands on an answer that lands while the person scrolls once the hold ends', async () => {
    const clock = virtualClock();
    const input = createInputYield(clock.now, clock.sleep);
    const handedOn: number[] = [];
    const fetch = input.wrap(async () => {
      input.yieldFor(300); // the person starts scrolling while the request is in flight
      return 'page';
    });
    await expect(fetch().finally(() => handedOn.push(clock.now()))).resolves.toBe('page');
    expect(handedOn).toEqual([1_300]);
  });

  it('gives way at most MAX_HOLD_MS in a row, however long the scrolling', async () => {
    const clock = virtualClock();
    const input = createInputYield(clock.now, async (ms) => {
      await clock.sleep(ms);
      input.yieldFor(300); // a scroll event in every pause
    });
    input.yieldFor(300);
    const started: number[] = [];
    const fetch = input.wrap(async () => started.push(clock.now()));
    await fetch();
    expect(started).toEqual([1_000 + MAX_HOLD_MS]);
    // The scrolling goes on: the next requests no longer wait.
    input.yieldFor(300);
    await fetch();
    expect(started).toEqual([1_000 + MAX_HOLD_MS, 1_000 + MAX_HOLD_MS]);
  });

  it('starts a new hold once the scrolling has paused', async () => {
    const clock = virtualClock();
    const input = createInputYield(clock.now, clock.sleep);
    input.yieldFor(300);
    clock.advance(MAX_HOLD_MS + 1_000); // a long hold, then a pause
    input.yieldFor(300);
    const started: number[] = [];
    await input.wrap(async () => started.push(clock.now()))();
    expect(started).toEqual([1_000 + MAX_HOLD_MS + 1_000 + 300]);
  });

  it('passes the arguments and the answer through', async () => {
    const input = createInputYield();
    const double = input.wrap(async (n: number) => n * 2);
    await expect(double(21)).resolves.toBe(42);
  });
});
