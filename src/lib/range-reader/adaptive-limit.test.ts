import { describe, expect, it } from 'vitest';
import { createAdaptiveLimit } from './adaptive-limit.ts';

/** Answers one round of `limit` requests, each `events` events, over `ms` milliseconds. */
function round(limit: ReturnType<typeof createAdaptiveLimit>, clock: { t: number }, ms: number) {
  const answers = limit.limit;
  for (let i = 0; i < answers; i++) {
    clock.t += ms / answers;
    limit.onSuccess(100, clock.t);
  }
}

describe('createAdaptiveLimit', () => {
  it('adds one per round while throughput grows, and holds when it stops growing', () => {
    const clock = { t: 0 };
    const limit = createAdaptiveLimit({ initial: 2, max: 10 }, 0);
    round(limit, clock, 100); // 2 answers in 100 ms
    expect(limit.limit).toBe(3);
    round(limit, clock, 100); // 3 in 100 ms: faster
    expect(limit.limit).toBe(4);
    round(limit, clock, 400 / 3); // 4 in 133 ms: the same pace as before
    expect(limit.limit).toBe(4);
  });

  it('never passes max', () => {
    const clock = { t: 0 };
    const limit = createAdaptiveLimit({ initial: 2, max: 3 }, 0);
    for (let i = 1; i < 6; i++) round(limit, clock, 100 / i);
    expect(limit.limit).toBe(3);
  });

  it('halves on a 429, takes a quarter off on 5xx, once per congestion event', () => {
    const limit = createAdaptiveLimit({ initial: 8 }, 0);
    limit.onFailure('rate-limited', 10, 20);
    expect(limit.limit).toBe(4);
    // Sent before that decrease: the same congestion.
    limit.onFailure('rate-limited', 15, 25);
    expect(limit.limit).toBe(4);
    limit.onFailure('server', 30, 40);
    expect(limit.limit).toBe(3);
    limit.onFailure('unauthorized', 50, 60);
    expect(limit.limit).toBe(3);
    for (let t = 100; t < 110; t++) limit.onFailure('rate-limited', t, t);
    expect(limit.limit).toBe(1);
  });

  it('climbs back to where it started even when throughput does not grow', () => {
    const clock = { t: 1000 };
    const limit = createAdaptiveLimit({ initial: 4 }, 0);
    limit.onFailure('server', 0, 1);
    limit.onFailure('server', 2, 3);
    expect(limit.limit).toBe(2);
    for (let i = 0; i < 4; i++) round(limit, clock, 1000 * limit.limit);
    expect(limit.limit).toBe(4);
  });
});
