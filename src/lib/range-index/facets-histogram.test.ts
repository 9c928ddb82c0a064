import { isFailureEventType } from '../../../common/pulumi/event-catalog.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { facets, facetsWithDistinct, facetValues } from './facets.ts';
import { histogram } from './histogram.ts';
import { matchRows } from './match-rows.ts';
import { RangeIndex } from './range-index.ts';
import { naiveMatch } from './testing/naive-search.ts';
import { randomEvents, randomTerm } from './testing/random-events.ts';

function build(events: AuditLogEvent[]): RangeIndex {
  const index = new RangeIndex();
  index.addOlder(events);
  return index;
}

/** Counts of `valueOf` over the events, as [value, count] sorted like the facets. */
function naiveTop(events: AuditLogEvent[], valueOf: (e: AuditLogEvent) => string | undefined) {
  const counts = new Map<string, number>();
  for (const e of events) {
    const value = valueOf(e);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
}

const query = fc.array(randomTerm, { maxLength: 3 }).map((terms) => ({ terms }));

describe('facets', () => {
  it('count users, events, addresses and tokens of the matching events', () => {
    fc.assert(
      fc.property(randomEvents(), query, (events, q) => {
        const index = build(events);
        const result = facets(index, matchRows(index, q), 3);
        const matched = naiveMatch(events, q).map((row) => events[row]!);
        const pairs = (entries: { value: string; count: number }[]) =>
          entries.map((e) => [e.value, e.count]);
        expect(pairs(result.users)).toEqual(naiveTop(matched, (e) => e.user.githubLogin));
        expect(pairs(result.events)).toEqual(naiveTop(matched, (e) => e.event));
        expect(pairs(result.ips)).toEqual(naiveTop(matched, (e) => e.sourceIP));
        expect(pairs(result.tokens)).toEqual(naiveTop(matched, (e) => e.tokenID || e.tokenName));
      }),
      { numRuns: 200 },
    );
  });

  it('say how many distinct values each has among the matching events', () => {
    fc.assert(
      fc.property(randomEvents(), query, (events, q) => {
        const index = build(events);
        const { distinct } = facetsWithDistinct(index, matchRows(index, q), 1);
        const matched = naiveMatch(events, q).map((row) => events[row]!);
        const count = (valueOf: (e: AuditLogEvent) => string | undefined) =>
          new Set(matched.map(valueOf).filter(Boolean)).size;
        expect(distinct).toEqual({
          users: count((e) => e.user.githubLogin),
          events: count((e) => e.event),
          ips: count((e) => e.sourceIP),
          tokens: count((e) => e.tokenID || e.tokenName),
        });
      }),
      { numRuns: 200 },
    );
  });

  it('count of a token entry is what a search for its value finds', () => {
    fc.assert(
      fc.property(randomEvents(), (events) => {
        const index = build(events);
        for (const entry of facets(index, matchRows(index, { terms: [] })).tokens) {
          const term = { kind: 'field', key: 'token', value: entry.value, negated: false } as const;
          expect(matchRows(index, { terms: [term] }).length).toBe(entry.count);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('label users by name and events by display name', () => {
    const index = build([
      { timestamp: 1, event: 'stack-deleted', user: { githubLogin: 'kim', name: 'Kim Park' } },
    ]);
    const result = facets(index, matchRows(index, { terms: [] }));
    expect(result.users).toEqual([{ value: 'kim', label: 'Kim Park', count: 1 }]);
    expect(result.events).toEqual([{ value: 'stack-deleted', label: 'Stack Deleted', count: 1 }]);
  });
});

describe('token facets', () => {
  const KIM_CLI = 'aaaa1111-0000-4000-8000-000000000001';
  const LEE_CLI = 'bbbb2222-0000-4000-8000-000000000002';
  const DEPLOY = 'cccc3333-0000-4000-8000-000000000003';
  const made = (timestamp: number, login: string, tokenID: string, tokenName: string) => ({
    timestamp,
    event: 'stack-updated',
    user: { githubLogin: login },
    tokenID,
    tokenName,
  });
  const index = build([
    made(4, 'kim', KIM_CLI, 'pulumi-cli'),
    made(3, 'kim', KIM_CLI, 'pulumi-cli'),
    made(2, 'lee', LEE_CLI, 'pulumi-cli'),
    made(1, 'acme', DEPLOY, 'github-actions-deploy'),
  ]);
  const all = matchRows(index, { terms: [] });

  it('give each token id an entry, named, with the start of the id where names are shared', () => {
    expect(facets(index, all).tokens).toEqual([
      { value: KIM_CLI, label: 'pulumi-cli · aaaa1111', count: 2 },
      { value: LEE_CLI, label: 'pulumi-cli · bbbb2222', count: 1 },
      { value: DEPLOY, label: 'github-actions-deploy', count: 1 },
    ]);
  });

  it('label a token the same in a view that shows only one of its name', () => {
    const kims = matchRows(index, {
      terms: [{ kind: 'field', key: 'user', value: 'kim', negated: false }],
    });
    expect(facets(index, kims).tokens).toEqual([
      { value: KIM_CLI, label: 'pulumi-cli · aaaa1111', count: 2 },
    ]);
  });

  it('find tokens by part of their name or id, as ids', () => {
    expect(facetValues(index, 'token', all, 'PULUMI', 10).map((e) => e.value)).toEqual([
      KIM_CLI,
      LEE_CLI,
    ]);
    expect(facetValues(index, 'token', all, 'bbbb', 10).map((e) => e.value)).toEqual([LEE_CLI]);
  });
});

describe('facetValues', () => {
  const index = build([
    { timestamp: 3, event: 'stack-deleted', user: { githubLogin: 'kim', name: 'Kim Park' } },
    { timestamp: 2, event: 'stack-created', user: { githubLogin: 'kim', name: 'Kim Park' } },
    {
      timestamp: 1,
      event: 'stack-created',
      user: { githubLogin: 'lee', name: 'Dana Kimura', avatarUrl: 'https://a/lee.png' },
    },
  ]);
  const all = matchRows(index, { terms: [] });

  it('finds values whose login or name holds the text, case-insensitively, by count', () => {
    expect(facetValues(index, 'user', all, 'KIM', 10)).toEqual([
      { value: 'kim', label: 'Kim Park', count: 2 },
      { value: 'lee', label: 'Dana Kimura', count: 1, avatarUrl: 'https://a/lee.png' },
    ]);
    expect(facetValues(index, 'user', all, 'dana', 10).map((e) => e.value)).toEqual(['lee']);
    expect(facetValues(index, 'event', all, 'created', 10).map((e) => e.count)).toEqual([2]);
  });

  it('keeps to the limit and to the rows given', () => {
    expect(facetValues(index, 'user', all, '', 1).map((e) => e.value)).toEqual(['kim']);
    expect(facetValues(index, 'user', all.subarray(2), '', 10).map((e) => e.value)).toEqual([
      'lee',
    ]);
  });
});

describe('histogram', () => {
  it('counts every matching event once, failures apart, in the bucket holding its time', () => {
    fc.assert(
      fc.property(
        randomEvents(),
        query,
        fc.integer({ min: 2, max: 50 }),
        (events, q, maxBuckets) => {
          const index = build(events);
          const from = 1_800_000_000 - 30_000;
          const to = 1_800_000_001;
          const result = histogram(index, matchRows(index, q, { from, to }), {
            from,
            to,
            maxBuckets,
          });
          const expected = new Array<number>(result.counts.length).fill(0);
          const failures = new Array<number>(result.counts.length).fill(0);
          for (const row of naiveMatch(events, q)) {
            const e = events[row]!;
            if (e.timestamp < from) continue;
            const bucket = Math.floor((e.timestamp - result.start) / result.bucketSeconds);
            expected[bucket]!++;
            if (e.authFailure || isFailureEventType(e.event)) failures[bucket]!++;
          }
          expect(result.counts.length).toBeLessThanOrEqual(maxBuckets);
          expect([...result.counts]).toEqual(expected);
          expect([...result.failures]).toEqual(failures);
        },
      ),
      { numRuns: 200 },
    );
  });
});
