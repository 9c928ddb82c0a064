/** Matching events over time, for the activity chart. */
import { busiestHour, bucketLeaders, type BucketLeader } from './bucket-leaders.ts';
import { DEFAULT_CHART_GROUP, type ChartGroup } from './chart-group.ts';
import { chartSeries, eventValues, userValues, type HistogramSeries } from './chart-series.ts';
import { failedEventMask } from './failed-events.ts';
import { bucketCount, bucketStart, CHART_BUCKETS, chooseBucketSeconds } from './bucket-size.ts';
import type { RangeIndex } from './range-index.ts';
import { FLAG_AUTH_FAILURE } from './row-columns.ts';

export interface Histogram {
  /** Unix seconds where the first bucket starts (aligned, so at or before the range's start). */
  start: number;
  bucketSeconds: number;
  /** Matching events per bucket, failures included. */
  counts: Uint32Array;
  /** Authentication failures per bucket (what `failed:true` matches). */
  failures: Uint32Array;
  group: ChartGroup;
  /** The bars' stacks for `group`, bottom first; per bucket they add up to `counts`. */
  series: HistogramSeries[];
  /** Per bucket, its commonest user and event type (`null` when empty). */
  topUsers: (BucketLeader | null)[];
  topEvents: (BucketLeader | null)[];
  /** The UTC hour with the most matching events, cut to the range. */
  busiestHour?: { from: number; to: number; count: number };
}

export interface HistogramRequest {
  from: number;
  to: number;
  maxBuckets?: number;
  group?: ChartGroup;
}

/**
 * Counts `rows` (newest first, as `matchRows` gives them) per bucket over `[from, to)` (the
 * view's range), with at most `maxBuckets` (by default `CHART_BUCKETS`) buckets of a nice size:
 * `histogram(index, rows, {from, to}).counts.length <= CHART_BUCKETS`.
 */
export function histogram(
  index: RangeIndex,
  rows: Uint32Array,
  range: HistogramRequest,
): Histogram {
  const size = chooseBucketSeconds(range.from, range.to, range.maxBuckets ?? CHART_BUCKETS);
  const start = bucketStart(range.from, size);
  const length = bucketCount(range.from, range.to, size);
  const counts = new Uint32Array(length);
  const failures = new Uint32Array(length);
  const { head, times, flags } = index.columns;
  const events = index.columns.ids.event;
  const failedTypes = failedEventMask(index);
  const bucketOf = (at: number) => {
    const bucket = Math.floor(((times[at] as number) - start) / size);
    return bucket < 0 || bucket >= length ? -1 : bucket;
  };
  for (let i = 0; i < rows.length; i++) {
    const at = head + (rows[i] as number);
    const bucket = bucketOf(at);
    if (bucket < 0) continue;
    counts[bucket] = (counts[bucket] as number) + 1;
    const failed =
      ((flags[at] as number) & FLAG_AUTH_FAILURE) !== 0 || failedTypes[events[at] as number] === 1;
    if (failed) failures[bucket] = (failures[bucket] as number) + 1;
  }
  const group = range.group ?? DEFAULT_CHART_GROUP;
  const users = userValues(index);
  const answer: Histogram = {
    start,
    bucketSeconds: size,
    counts,
    failures,
    group,
    series: chartSeries(index, users, group, rows, counts, failures, bucketOf),
    topUsers: bucketLeaders(index, users, rows, length, bucketOf),
    topEvents: bucketLeaders(index, eventValues(index, 'event'), rows, length, bucketOf),
  };
  const busiest = busiestHour(index, rows, range);
  if (busiest) answer.busiestHour = busiest;
  return answer;
}
