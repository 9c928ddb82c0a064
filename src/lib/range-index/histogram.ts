/** Matching events over time, for the activity chart. */
import { failedEventMask } from './failed-events.ts';
import { bucketCount, bucketStart, chooseBucketSeconds } from './bucket-size.ts';
import type { RangeIndex } from './range-index.ts';
import { FLAG_AUTH_FAILURE } from './row-columns.ts';

export interface Histogram {
  /** Unix seconds where the first bucket starts (aligned, so at or before the range's start). */
  start: number;
  bucketSeconds: number;
  /** Matching events per bucket, failures included. */
  counts: Uint32Array;
  /** Authentication failures per bucket (what `failed:true` matches), to be drawn apart. */
  failures: Uint32Array;
}

/**
 * Counts `rows` per bucket over `[from, to)` (the view's range), with at most `maxBuckets`
 * buckets of a nice size: `histogram(index, rows, {from, to}).counts.length <= 120`.
 */
export function histogram(
  index: RangeIndex,
  rows: Uint32Array,
  range: { from: number; to: number; maxBuckets?: number },
): Histogram {
  const size = chooseBucketSeconds(range.from, range.to, range.maxBuckets ?? 120);
  const start = bucketStart(range.from, size);
  const length = bucketCount(range.from, range.to, size);
  const counts = new Uint32Array(length);
  const failures = new Uint32Array(length);
  const { head, times, flags } = index.columns;
  const events = index.columns.ids.event;
  const failedTypes = failedEventMask(index);
  for (let i = 0; i < rows.length; i++) {
    const at = head + (rows[i] as number);
    const bucket = Math.floor(((times[at] as number) - start) / size);
    if (bucket < 0 || bucket >= length) continue;
    counts[bucket] = (counts[bucket] as number) + 1;
    const failed =
      ((flags[at] as number) & FLAG_AUTH_FAILURE) !== 0 || failedTypes[events[at] as number] === 1;
    if (failed) failures[bucket] = (failures[bucket] as number) + 1;
  }
  return { start, bucketSeconds: size, counts, failures };
}
