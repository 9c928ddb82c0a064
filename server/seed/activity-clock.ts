/**
 * When people act: mostly weekday office hours in their own time zone, some evenings, little at
 * night, a tenth as much at weekends. Sampled by rejection, which keeps the time range exact.
 */
const DAY = 86_400;
/** 1970-01-01 was a Thursday; with Sunday = 0 that is day 4. */
const EPOCH_DAY_OF_WEEK = 4;
const WEEKEND_FACTOR = 0.1;
const MAX_TRIES = 24;

/** Day of week (0 = Sunday) and hour of a Unix time at an offset: `localDayAndHour(0, 0)` → `{ dayOfWeek: 4, hour: 0 }`. */
export function localDayAndHour(
  timestamp: number,
  utcOffsetSeconds: number,
): { dayOfWeek: number; hour: number } {
  const local = timestamp + utcOffsetSeconds;
  const day = Math.floor(local / DAY);
  return {
    dayOfWeek: (((day + EPOCH_DAY_OF_WEEK) % 7) + 7) % 7,
    hour: Math.floor((local - day * DAY) / 3600),
  };
}

/** Relative chance of activity in a local hour, 1 at its peak: `activityWeight(2, 10) === 1`. */
export function activityWeight(dayOfWeek: number, hour: number): number {
  const hourly = hour >= 9 && hour < 18 ? 1 : hour >= 7 && hour < 22 ? 0.2 : 0.02;
  return dayOfWeek === 0 || dayOfWeek === 6 ? hourly * WEEKEND_FACTOR : hourly;
}

/**
 * A whole second in [start, end] when someone at `utcOffsetSeconds` is likely at work:
 * `sampleActiveTime(rng, start, end, 3600)`.
 */
export function sampleActiveTime(
  uniform: () => number,
  start: number,
  end: number,
  utcOffsetSeconds: number,
): number {
  const span = end - start + 1;
  let timestamp = start;
  for (let i = 0; i < MAX_TRIES; i++) {
    timestamp = start + Math.floor(uniform() * span);
    const { dayOfWeek, hour } = localDayAndHour(timestamp, utcOffsetSeconds);
    if (uniform() < activityWeight(dayOfWeek, hour)) return timestamp;
  }
  return timestamp;
}
