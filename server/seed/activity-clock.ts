/**
 * When people act: mostly weekday office hours in their own time zone, some evenings, little at
 * night, a tenth as much at weekends.
 */
const DAY = 86_400;
/** 1970-01-01 was a Thursday; with Sunday = 0 that is day 4. */
const EPOCH_DAY_OF_WEEK = 4;
const WEEKEND_FACTOR = 0.1;

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
 * The hours of a range and how busy each is, for a team spread over time zones: the generator
 * gives each hour a share of the events proportional to its weight and walks the hours in order,
 * so events come out nearly sorted by time (which keeps the store's index inserts local).
 */
export interface HourlyPlan {
  hours: number;
  /** `cumulative[k]` = total weight of hours before k; `cumulative[hours]` = the whole range. */
  cumulative: Float64Array;
}

/** Each person's activity weight in the hour starting at `hourStart`: `peopleWeightsAt([0], t)`. */
export function peopleWeightsAt(utcOffsetsSeconds: readonly number[], hourStart: number): number[] {
  return utcOffsetsSeconds.map((offset) => {
    const { dayOfWeek, hour } = localDayAndHour(hourStart, offset);
    return activityWeight(dayOfWeek, hour);
  });
}

/** Plans the hours of [start, end]: `planHours([0, 3600], start, start + 7199).hours === 2`. */
export function planHours(
  utcOffsetsSeconds: readonly number[],
  start: number,
  end: number,
): HourlyPlan {
  const hours = Math.ceil((end - start + 1) / 3600);
  const cumulative = new Float64Array(hours + 1);
  for (let k = 0; k < hours; k++) {
    const hourStart = start + k * 3600;
    // A last, partial hour weighs by the share of it inside the range.
    const length = Math.min(3600, end - hourStart + 1) / 3600;
    const weight = peopleWeightsAt(utcOffsetsSeconds, hourStart).reduce((sum, w) => sum + w, 0);
    cumulative[k + 1] = (cumulative[k] as number) + weight * length;
  }
  return { hours, cumulative };
}
