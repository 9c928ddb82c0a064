/** Query evaluation: the rows of the index a search query matches, newest first. */
import type { SearchQuery } from '../search-query/search-query-types.ts';
import type { TimeWindow } from '../time-window.ts';
import { compileQuery, type CompiledGroup } from './compile-query.ts';
import { markersOf } from './markers.ts';
import type { RangeIndex } from './range-index.ts';
import type { IdColumn } from './row-columns.ts';

interface GroupTest {
  negated: boolean;
  columns: Uint32Array[];
  masks: Uint8Array[];
  bitSources: Uint8Array[];
  bits: number[];
  expected: boolean[];
  any: GroupTest[][];
}

function prepare(index: RangeIndex, group: CompiledGroup): GroupTest {
  const { ids, head, flags } = index.columns;
  const entries = Object.entries(group.masks) as [IdColumn, Uint8Array][];
  const needsMarkers = group.bits.some((b) => b.source === 'markers');
  const markers = needsMarkers ? markersOf(index) : undefined;
  return {
    negated: group.negated,
    // Markers are per row; the columns are read at their physical position (head + row).
    columns: entries.map(([column]) => ids[column].subarray(head)),
    masks: entries.map(([, mask]) => mask),
    bitSources: group.bits.map((b) => (b.source === 'flags' ? flags.subarray(head) : markers!)),
    bits: group.bits.map((b) => b.bit),
    expected: group.bits.map((b) => b.expected),
    any: group.any.map((alternative) => alternative.map((g) => prepare(index, g))),
  };
}

function groupMatches(test: GroupTest, row: number): boolean {
  const { columns, masks } = test;
  for (let i = 0; i < columns.length; i++) {
    if ((masks[i] as Uint8Array)[(columns[i] as Uint32Array)[row] as number] === 1) return true;
  }
  const { bitSources, bits, expected } = test;
  for (let i = 0; i < bits.length; i++) {
    const set = (((bitSources[i] as Uint8Array)[row] as number) & (bits[i] as number)) !== 0;
    if (set === expected[i]) return true;
  }
  const { any } = test;
  for (let i = 0; i < any.length; i++) {
    if (allMatch(any[i] as GroupTest[], row)) return true;
  }
  return false;
}

/** Whether the row meets every group (an excluded one by not matching it). */
function allMatch(tests: GroupTest[], row: number): boolean {
  for (let g = 0; g < tests.length; g++) {
    const test = tests[g] as GroupTest;
    if (groupMatches(test, row) === test.negated) return false;
  }
  return true;
}

/**
 * The rows (0 = newest) that match `query` (and every query in `also`) within `window`, newest
 * first:
 * `matchRows(index, parseSearchQuery('failed:true').query).length` is the count.
 */
export function matchRows(
  index: RangeIndex,
  query: SearchQuery,
  window: Partial<TimeWindow> = {},
  ...also: SearchQuery[]
): Uint32Array {
  const [first, end] = index.rowsBetween(window.from ?? -Infinity, window.to ?? Infinity);
  const groups = [query, ...also].flatMap((q) => compileQuery(index, q));
  const tests = groups.map((group) => prepare(index, group));
  const rows = new Uint32Array(end - first);
  let count = 0;
  for (let row = first; row < end; row++) {
    if (allMatch(tests, row)) rows[count++] = row;
  }
  return rows.slice(0, count);
}
