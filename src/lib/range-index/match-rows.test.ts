import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { parseSearchQuery } from '../search-query/parse-search-query.ts';
import { matchRows } from './match-rows.ts';
import { RangeIndex } from './range-index.ts';
import { naiveMatch } from './testing/naive-search.ts';
import { randomEvents, randomQuery, randomTerm } from './testing/random-events.ts';

function indexOf(events: AuditLogEvent[]): RangeIndex {
  const index = new RangeIndex();
  index.addOlder(events);
  return index;
}

const rows = (index: RangeIndex, q: string) => [...matchRows(index, parseSearchQuery(q).query)];

describe('matchRows', () => {
  it('gives the naive filter’s answer for random queries over random events', () => {
    const query = fc.array(randomTerm, { maxLength: 4 }).map((terms) => ({ terms }));
    fc.assert(
      fc.property(randomEvents(), query, (events, q) => {
        expect([...matchRows(indexOf(events), q)]).toEqual(naiveMatch(events, q));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the naive filter’s answer for random queries with OR and parentheses', () => {
    fc.assert(
      fc.property(randomEvents(), randomQuery, (events, q) => {
        expect([...matchRows(indexOf(events), q)]).toEqual(naiveMatch(events, q));
      }),
      { numRuns: 400 },
    );
  });

  const events: AuditLogEvent[] = [
    {
      timestamp: 30,
      event: 'stack-deleted',
      user: { githubLogin: 'kim' },
      sourceIP: '203.0.113.7',
    },
    { timestamp: 20, event: 'member-added', user: { githubLogin: 'lee' }, sourceIP: '2001:db8::1' },
    {
      timestamp: 10,
      event: 'auth-failure-environment',
      user: { githubLogin: 'Kim' },
      authFailure: true,
      description: 'Login failed',
    },
    // The API does not flag failed logins; they are failures all the same.
    { timestamp: 5, event: 'user-login-failed', user: { githubLogin: 'lee' } },
  ];

  it.each([
    ['', [0, 1, 2, 3]],
    ['user:KIM', [0, 2]],
    ['user:kim user:lee', [0, 1, 2, 3]],
    ['failed:true', [2, 3]],
    ['failed:false', [0, 1]],
    ['-failed:true', [0, 1]],
    ['user:kim OR event:member-added', [0, 1, 2]],
    ['user:kim or', []],
    ['(user:kim OR user:lee) -failed:true', [0, 1]],
    ['-(user:kim OR failed:true)', [1]],
    ['user:lee (event:member-added OR failed:true)', [1, 3]],
    ['user:kim event:stack-deleted OR user:lee failed:true', [0, 3]],
    ['user:kim -failed:true', [0]],
    ['user:kim event:member-added', []],
    ['ip:203.0.113.0/24', [0]],
    ['ip:2001:db8::/32 ip:203.0.113.7', [0, 1]],
    ['-ip:2001:db8::/32', [0, 2, 3]],
    ['"login failed"', [2, 3]],
    ['"Member Added"', [1]],
    ['category:stacks', [0]],
    ['db8', [1]],
  ])('%j matches rows %j', (q, expected) => {
    expect(rows(indexOf(events), q)).toEqual(expected);
  });

  it('limits the rows to a time window', () => {
    expect([...matchRows(indexOf(events), { terms: [] }, { from: 20, to: 30 })]).toEqual([1]);
    expect([...matchRows(indexOf(events), { terms: [] }, { from: 11 })]).toEqual([0, 1]);
    expect([...matchRows(indexOf(events), { terms: [] }, { to: 11 })]).toEqual([2, 3]);
  });
});

describe('token: search', () => {
  const KIM_CLI = 'aaaa1111-0000-4000-8000-000000000001';
  const LEE_CLI = 'bbbb2222-0000-4000-8000-000000000002';
  const made = (timestamp: number, tokenID: string, tokenName: string): AuditLogEvent => ({
    timestamp,
    event: 'stack-updated',
    user: { githubLogin: 'someone' },
    tokenID,
    tokenName,
  });
  const index = indexOf([
    made(4, KIM_CLI, 'pulumi-cli'),
    made(3, LEE_CLI, 'pulumi-cli'),
    made(2, KIM_CLI, 'pulumi-cli'),
    made(1, 'cccc3333', 'laptop'),
  ]);

  it.each([
    [`token:${KIM_CLI}`, [0, 2]],
    [`token:${KIM_CLI.toUpperCase()}`, [0, 2]],
    [`token:${LEE_CLI}`, [1]],
    ['token:aaaa1111', []],
    ['token:pulumi-cli', [0, 1, 2]],
    ['token:PULUMI-CLI', [0, 1, 2]],
    [`token:pulumi-cli -token:${LEE_CLI}`, [0, 2]],
  ])('%j matches rows %j: an id that one token, a name every token of that name', (q, expected) => {
    expect(rows(index, q)).toEqual(expected);
  });
});
