import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEventType } from '../../../common/pulumi/event-catalog.ts';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import type { SearchQuery } from '../search-query/search-query-types.ts';
import { CHART_GROUP_TOP, CHART_GROUPS, OTHER_SERIES, type ChartGroup } from './chart-group.ts';
import { histogram } from './histogram.ts';
import { matchRows } from './match-rows.ts';
import { RangeIndex } from './range-index.ts';
import { naiveMatch } from './testing/naive-search.ts';
import { randomEvents, randomTerm } from './testing/random-events.ts';

const FROM = 1_800_000_000 - 30_000;
const TO = 1_800_000_001;
const query = fc.array(randomTerm, { maxLength: 2 }).map((terms) => ({ terms }));
// Gaps up to an hour, so a range spans hours and buckets of a minute hold several events.
const events = randomEvents({ gaps: [0, 0, 1, 30, 200, 3000] });

function setUp(log: AuditLogEvent[], q: SearchQuery, group: ChartGroup, maxBuckets: number) {
  const index = new RangeIndex();
  index.addOlder(log);
  const result = histogram(index, matchRows(index, q, { from: FROM, to: TO }), {
    from: FROM,
    to: TO,
    maxBuckets,
    group,
  });
  const matched = naiveMatch(log, q)
    .map((row) => log[row]!)
    .filter((e) => e.timestamp >= FROM);
  const bucketOf = (e: AuditLogEvent) =>
    Math.floor((e.timestamp - result.start) / result.bucketSeconds);
  return { result, matched, bucketOf };
}

/** Value counts, most first and ties by value, as the chart ranks them. */
function ranked(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const GROUP_VALUE: Record<Exclude<ChartGroup, 'failed'>, (e: AuditLogEvent) => string> = {
  user: (e) => e.user.githubLogin,
  category: (e) => findEventType(e.event)?.category ?? e.event,
};

describe('histogram stacks (group-by)', () => {
  it('stacks add up to each bar, and name the top values over the range with the rest as other', () => {
    fc.assert(
      fc.property(
        events,
        query,
        fc.constantFrom(...CHART_GROUPS),
        fc.integer({ min: 2, max: 200 }),
        (log, q, group, maxBuckets) => {
          const { result, matched, bucketOf } = setUp(log, q, group, maxBuckets);
          for (let b = 0; b < result.counts.length; b++) {
            const sum = result.series.reduce((total, s) => total + (s.counts[b] ?? 0), 0);
            expect(sum).toBe(result.counts[b]);
          }
          if (group === 'failed') {
            expect(result.series.map((s) => s.key)).toEqual(['failed', 'rest']);
            return;
          }
          const valueOf = GROUP_VALUE[group];
          const top = ranked(matched.map(valueOf)).slice(0, CHART_GROUP_TOP);
          const named = result.series.filter((s) => s.key !== OTHER_SERIES);
          expect(named.map((s) => s.key)).toEqual(top.map(([value]) => value));
          for (const series of result.series) {
            const expected = new Array<number>(result.counts.length).fill(0);
            for (const e of matched) {
              const inTop = top.some(([value]) => value === valueOf(e));
              const mine = series.key === OTHER_SERIES ? !inTop : valueOf(e) === series.key;
              if (mine) expected[bucketOf(e)]!++;
            }
            expect([...series.counts]).toEqual(expected);
          }
          const others = matched.length - top.reduce((n, [, count]) => n + count, 0);
          expect(result.series.some((s) => s.key === OTHER_SERIES)).toBe(others > 0);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('histogram leaders and busiest hour', () => {
  it('name each bar’s commonest user and event, and the busiest UTC hour, as counted naively', () => {
    fc.assert(
      fc.property(events, query, fc.integer({ min: 2, max: 200 }), (log, q, maxBuckets) => {
        const { result, matched, bucketOf } = setUp(log, q, 'failed', maxBuckets);
        for (let b = 0; b < result.counts.length; b++) {
          const inBucket = matched.filter((e) => bucketOf(e) === b);
          const user = ranked(inBucket.map((e) => e.user.githubLogin))[0];
          const event = ranked(inBucket.map((e) => e.event))[0];
          const leader = (l: { key: string; count: number } | null) => l && [l.key, l.count];
          expect(leader(result.topUsers[b]!)).toEqual(user ?? null);
          expect(leader(result.topEvents[b]!)).toEqual(event ?? null);
        }
        const hours = ranked(matched.map((e) => String(Math.floor(e.timestamp / 3600) * 3600)));
        const most = hours[0]?.[1];
        expect(result.busiestHour?.count).toBe(most);
        if (result.busiestHour) {
          const { from, to, count } = result.busiestHour;
          expect(to - from).toBeLessThanOrEqual(3600);
          expect(matched.filter((e) => e.timestamp >= from && e.timestamp < to)).toHaveLength(
            count,
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('histogram leader labels', () => {
  it('name a bar’s top event by its display name and its top user by name', () => {
    const index = new RangeIndex();
    index.addOlder([
      { timestamp: FROM, event: 'stack-deleted', user: { githubLogin: 'kim', name: 'Kim Park' } },
    ]);
    const result = histogram(index, matchRows(index, { terms: [] }, { from: FROM, to: TO }), {
      from: FROM,
      to: TO,
    });
    const bar = result.counts.findIndex((n) => n > 0);
    expect(result.topEvents[bar]).toEqual({
      key: 'stack-deleted',
      label: 'Stack Deleted',
      count: 1,
    });
    expect(result.topUsers[bar]).toEqual({ key: 'kim', label: 'Kim Park', count: 1 });
  });
});
