/**
 * The stacks of the activity chart's bars (chart-group.ts): per bucket, how many matching rows
 * fall in each of a few series. Two passes over the rows: one to find the top values over the
 * whole range, one to count them per bucket.
 */
import { eventDisplayName, findEventType } from '../../../common/pulumi/event-catalog.ts';
import { CHART_GROUP_TOP, OTHER_SERIES, type ChartGroup } from './chart-group.ts';
import type { RangeIndex } from './range-index.ts';

export interface HistogramSeries {
  /** A category id, a login, `failed`/`rest`, or `OTHER_SERIES` for the rest. */
  key: string;
  /** What a person reads: the user's name; otherwise the key (the chart words it). */
  label: string;
  counts: Uint32Array;
}

/**
 * Distinct values of one column, by what a person counts (a login, not each of its names):
 * `valueOf[id]` is the value's index in `keys`.
 */
export interface ValueMap {
  valueOf: Uint32Array;
  keys: string[];
  labels: string[];
  /** The column the ids come from, at its physical positions. */
  ids: Uint32Array;
}

function valueMap(
  size: number,
  ids: Uint32Array,
  keyOf: (id: number) => { key: string; label: string },
): ValueMap {
  const valueOf = new Uint32Array(size);
  const keys: string[] = [];
  const labels: string[] = [];
  const seen = new Map<string, number>();
  for (let id = 0; id < size; id++) {
    const { key, label } = keyOf(id);
    let value = seen.get(key);
    if (value === undefined) {
      value = keys.length;
      seen.set(key, value);
      keys.push(key);
      labels.push(label);
    }
    valueOf[id] = value;
  }
  return { valueOf, keys, labels, ids };
}

/** Users by login, labelled with their name. */
export function userValues(index: RangeIndex): ValueMap {
  const users = index.dictionaries.user.values;
  return valueMap(users.length, index.columns.ids.user, (id) => ({
    key: users[id]!.login,
    label: users[id]!.name || users[id]!.login,
  }));
}

/**
 * Event types by id, labelled with their display name; or by catalog category, labelled with
 * the key, which the chart words (an unknown type is its own "category").
 */
export function eventValues(index: RangeIndex, by: 'event' | 'category'): ValueMap {
  const events = index.dictionaries.event.values;
  return valueMap(events.length, index.columns.ids.event, (id) => {
    const event = events[id]!;
    if (by === 'event') return { key: event, label: eventDisplayName(event) };
    const key = findEventType(event)?.category ?? event;
    return { key, label: key };
  });
}

/** The `top` commonest values among `rows`, most first, ties by key: indexes into `map.keys`. */
function topValues(index: RangeIndex, map: ValueMap, rows: Uint32Array, top: number): number[] {
  const counts = new Uint32Array(map.keys.length);
  const { head } = index.columns;
  for (let i = 0; i < rows.length; i++) {
    const value = map.valueOf[map.ids[head + (rows[i] as number)] as number] as number;
    counts[value] = (counts[value] as number) + 1;
  }
  const present: number[] = [];
  for (let v = 0; v < counts.length; v++) if ((counts[v] as number) > 0) present.push(v);
  const key = (v: number) => map.keys[v] as string;
  return present
    .sort((a, b) => (counts[b] as number) - (counts[a] as number) || (key(a) < key(b) ? -1 : 1))
    .slice(0, top);
}

/**
 * Per bucket, the rows of each of the top values of `map` and of all the others (a last
 * series, only when there are others). `bucketOf(row)` is the row's bucket or -1.
 */
function stacksOfTop(
  index: RangeIndex,
  map: ValueMap,
  rows: Uint32Array,
  length: number,
  bucketOf: (at: number) => number,
): HistogramSeries[] {
  const top = topValues(index, map, rows, CHART_GROUP_TOP);
  const seriesOf = new Int32Array(map.keys.length).fill(top.length);
  top.forEach((value, i) => (seriesOf[value] = i));
  const counts = Array.from({ length: top.length + 1 }, () => new Uint32Array(length));
  const { head } = index.columns;
  for (let i = 0; i < rows.length; i++) {
    const at = head + (rows[i] as number);
    const bucket = bucketOf(at);
    if (bucket < 0) continue;
    const series = counts[seriesOf[map.valueOf[map.ids[at] as number] as number] as number]!;
    series[bucket] = (series[bucket] as number) + 1;
  }
  const series: HistogramSeries[] = top.map((value, i) => ({
    key: map.keys[value] as string,
    label: map.labels[value] as string,
    counts: counts[i]!,
  }));
  const other = counts[top.length]!;
  if (other.some((n) => n > 0)) series.push({ key: OTHER_SERIES, label: 'Other', counts: other });
  return series;
}

/**
 * The chart's stacks for `group`, bottom first; per bucket they add up to the bucket's count.
 * `failures` are the per-bucket failures already counted; `users` is `userValues(index)`, which
 * the caller builds once for the bars' leaders too.
 */
export function chartSeries(
  index: RangeIndex,
  users: ValueMap,
  group: ChartGroup,
  rows: Uint32Array,
  counts: Uint32Array,
  failures: Uint32Array,
  bucketOf: (at: number) => number,
): HistogramSeries[] {
  if (group === 'failed') {
    const rest = counts.map((n, i) => n - (failures[i] as number));
    return [
      { key: 'failed', label: 'Authentication failures', counts: failures },
      { key: 'rest', label: 'Other events', counts: rest },
    ];
  }
  const map = group === 'user' ? users : eventValues(index, 'category');
  return stacksOfTop(index, map, rows, counts.length, bucketOf);
}
