/**
 * Test helpers: generated logs, as ascending event timestamps, drawn from a seed so every run
 * reads the same events. Steady logs spread their events evenly with jitter; bursty logs put
 * them in bursts of several events in one second (a deployment, a bulk change), the bursts
 * spread the same way, so that seconds which cannot be cut fill the reader's windows unevenly.
 */

/** A seeded uniform draw in [0, 1) (mulberry32): `seededRandom(1)()` is always the same. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LogShape {
  /** Events per second on average. */
  perSecond: number;
  /** Events of one second in each burst; 1 for a steady log. */
  burst: number;
}

/**
 * Timestamps of a log in `[from, to)`, ascending: `generateLog({perSecond: 1, burst: 1}, 0, 10,
 * seededRandom(1))` has ten events, one in each second.
 */
export function generateLog(
  shape: LogShape,
  from: number,
  to: number,
  random: () => number,
): number[] {
  const bursts = Math.floor((shape.perSecond * (to - from)) / shape.burst);
  const slot = (to - from) / bursts;
  const timestamps: number[] = [];
  for (let i = 0; i < bursts; i++) {
    const at = from + Math.floor((i + random()) * slot);
    for (let j = 0; j < shape.burst; j++) timestamps.push(at);
  }
  return timestamps;
}
