/**
 * What a bar of the activity chart names when hovered or focused: its commonest user and event,
 * and the busiest hour of the whole range (what "busiest hour" opens). Matching rows come
 * newest first (`matchRows`), so the rows of one bucket are one run and each run is counted
 * with one reused array: a pass over the rows, whatever the number of buckets.
 */
import type { ValueMap } from './chart-series.ts';
import type { RangeIndex } from './range-index.ts';

/** A bucket's commonest value: ties go to the smaller key, so the answer is stable. */
export interface BucketLeader {
  /** A login or an event id. */
  key: string;
  /** The user's name or the event's display name. */
  label: string;
  count: number;
}

const HOUR = 3600;

/**
 * Per bucket, the commonest value of `map` among its rows (`null` for an empty bucket).
 * `bucketOf(at)` gives a row's bucket, or -1 outside the chart.
 */
export function bucketLeaders(
  index: RangeIndex,
  map: ValueMap,
  rows: Uint32Array,
  length: number,
  bucketOf: (at: number) => number,
): (BucketLeader | null)[] {
  const leaders: (BucketLeader | null)[] = new Array<BucketLeader | null>(length).fill(null);
  const counts = new Uint32Array(map.keys.length);
  const touched: number[] = [];
  const close = (bucket: number) => {
    let best = -1;
    for (const value of touched) {
      const better =
        best < 0 ||
        (counts[value] as number) > (counts[best] as number) ||
        ((counts[value] as number) === (counts[best] as number) &&
          (map.keys[value] as string) < (map.keys[best] as string));
      if (better) best = value;
    }
    if (best >= 0 && bucket >= 0) {
      leaders[bucket] = {
        key: map.keys[best] as string,
        label: map.labels[best] as string,
        count: counts[best] as number,
      };
    }
    for (const value of touched) counts[value] = 0;
    touched.length = 0;
  };
  const { head } = index.columns;
  let current = -1;
  for (let i = 0; i < rows.length; i++) {
    const at = head + (rows[i] as number);
    const bucket = bucketOf(at);
    if (bucket < 0) continue;
    if (bucket !== current) {
      close(current);
      current = bucket;
    }
    const value = map.valueOf[map.ids[at] as number] as number;
    if (counts[value] === 0) touched.push(value);
    counts[value] = (counts[value] as number) + 1;
  }
  close(current);
  return leaders;
}

/**
 * The UTC hour with the most rows within `[from, to)`, cut to that range (the newest of equal
 * hours), or undefined without rows.
 */
export function busiestHour(
  index: RangeIndex,
  rows: Uint32Array,
  range: { from: number; to: number },
): { from: number; to: number; count: number } | undefined {
  const { head, times } = index.columns;
  let best: { hour: number; count: number } | undefined;
  let hour = NaN;
  let count = 0;
  const close = () => {
    if (count > 0 && (!best || count > best.count)) best = { hour, count };
  };
  for (let i = 0; i < rows.length; i++) {
    const time = times[head + (rows[i] as number)] as number;
    if (time < range.from || time >= range.to) continue;
    const at = Math.floor(time / HOUR) * HOUR;
    if (at !== hour) {
      close();
      hour = at;
      count = 0;
    }
    count++;
  }
  close();
  if (!best) return undefined;
  const { hour: start, count: most } = best;
  return {
    from: Math.max(range.from, start),
    to: Math.min(range.to, start + HOUR),
    count: most,
  };
}
