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

const HOUR = 3600;
const WEEK = 7 * 24 * HOUR;

/**
 * Timestamps of a log in `[from, to)` that follows a working week, as people's logs do: each
 * UTC hour from 9 to 17 on Monday to Friday holds `busy` times the events of any other hour,
 * `perSecond` on average over a whole week. `generateWorkweekLog(0.01, from, from + WEEK, r)`
 * holds about 6,048 events, three quarters of them in office hours when `busy` is 10.
 */
export function generateWorkweekLog(
  perSecond: number,
  from: number,
  to: number,
  random: () => number,
  busy = 10,
): number[] {
  // 45 of a week's 168 hours are office hours.
  const quiet = (perSecond * 168) / (45 * busy + 123);
  const timestamps: number[] = [];
  for (let hour = Math.floor(from / HOUR) * HOUR; hour < to; hour += HOUR) {
    const weekHour = ((((hour - 4 * 24 * HOUR) % WEEK) + WEEK) % WEEK) / HOUR; // 0 is Monday 00:00
    const office = weekHour < 5 * 24 && weekHour % 24 >= 9 && weekHour % 24 < 18;
    const expected = quiet * (office ? busy : 1) * HOUR;
    const events = Math.floor(expected + random());
    for (let i = 0; i < events; i++) {
      const at = hour + Math.floor(random() * HOUR);
      if (at >= from && at < to) timestamps.push(at);
    }
  }
  return timestamps.sort((a, b) => a - b);
}
