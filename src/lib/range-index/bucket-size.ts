/**
 * Bucket math for the activity chart: a "nice" bucket size for a time span, and bucket starts
 * aligned to it in UTC (weeks start on Monday), so buckets read as whole minutes, hours, days.
 */
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const WEEK = 7 * DAY;

/** The sizes a chart uses, smallest first. Weeks and their multiples stand in for months. */
export const NICE_BUCKET_SECONDS = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  HOUR,
  6 * HOUR,
  DAY,
  WEEK,
  4 * WEEK,
  13 * WEEK,
  52 * WEEK,
] as const;

/**
 * Buckets the chart draws at most: enough for a week in hours (169 with a cut hour at each end),
 * so the busiest hour of the last 7 days is a bar of its own; an hour is drawn in minutes.
 */
export const CHART_BUCKETS = 180;

/** 1970-01-05, a Monday: weeks are aligned to it (the epoch itself is a Thursday). */
const WEEK_ANCHOR = 4 * DAY;

/**
 * The smallest nice size that splits `[from, to)` into at most `maxBuckets` aligned buckets;
 * past 52 weeks, whole multiples of 52 weeks: `chooseBucketSeconds(0, 86400, 120) === 900`.
 */
export function chooseBucketSeconds(from: number, to: number, maxBuckets: number): number {
  // One bucket cannot always do: an aligned boundary may fall inside any range.
  if (!(maxBuckets >= 2)) throw new RangeError('maxBuckets must be at least 2');
  for (const size of NICE_BUCKET_SECONDS) {
    if (bucketCount(from, to, size) <= maxBuckets) return size;
  }
  const year = 52 * WEEK;
  // Ends by ceil(span / year / (maxBuckets - 1)), where any alignment needs at most maxBuckets.
  let multiple = Math.max(1, Math.ceil((to - from) / year / maxBuckets));
  while (bucketCount(from, to, multiple * year) > maxBuckets) multiple++;
  return multiple * year;
}

/** The start of the bucket holding `time`: `bucketStart(3700, 3600) === 3600`. */
export function bucketStart(time: number, size: number): number {
  const anchor = size % WEEK === 0 ? WEEK_ANCHOR : 0;
  return Math.floor((time - anchor) / size) * size + anchor;
}

/** How many aligned buckets of `size` cover `[from, to)` (at least one). */
export function bucketCount(from: number, to: number, size: number): number {
  const start = bucketStart(from, size);
  return Math.max(1, Math.ceil((to - start) / size));
}
