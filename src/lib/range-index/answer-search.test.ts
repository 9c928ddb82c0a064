import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import {
  createEventIdentifier,
  formatEventIdentity,
} from '../../../common/pulumi/event-identity.ts';
import { answerMarks, answerSearch } from './answer-search.ts';
import { MARK_FIRST_IP } from './markers.ts';
import { progressOf } from './load-range.ts';
import { RangeIndex } from './range-index.ts';

const events: AuditLogEvent[] = [3, 2, 1].map((i) => ({
  timestamp: 1000 + i,
  event: 'stack-deleted',
  user: { githubLogin: `user${i}` },
  ...(i !== 2 && { authFailure: true }),
}));

describe('answerSearch', () => {
  it('answers with the count, one slice of events, facets, a histogram and the errors', () => {
    const index = new RangeIndex();
    index.addOlder(events);
    const request = {
      id: 7,
      q: 'failed:true colour:red',
      offset: 1,
      limit: 5,
      histogram: { from: 1000, to: 1004 },
    };
    const answer = answerSearch(index, request, progressOf(index), true);
    expect(answer).toMatchObject({ id: 7, count: 2, events: [events[2]], loading: true });
    expect(answer.facets.users.map((u) => u.value)).toEqual(['user1', 'user3']);
    expect(answer.histogram?.counts.reduce((a, b) => a + b)).toBe(2);
    expect(answer.errors.map((e) => e.term)).toEqual(['colour:red']);
    expect(answer.progress).toEqual({ events: 3, oldest: 1001, newest: 1003 });
  });
});

describe('answerSearch with a filter', () => {
  it('matches the filter and the query both, even on the same key', () => {
    const index = new RangeIndex();
    index.addOlder(events);
    const answer = (q: string, filter?: string) =>
      answerSearch(index, { id: 1, q, filter }, progressOf(index), false).count;
    expect(answer('user:user1 user:user2')).toBe(2);
    expect(answer('user:user1 user:user2', 'user:user2')).toBe(1);
    expect(answer('', 'user:user3')).toBe(1);
  });
});

describe('answerMarks', () => {
  it('finds each named event and gives its markers', () => {
    const from = (ip: string, timestamp: number): AuditLogEvent => ({
      timestamp,
      event: 'user-login',
      sourceIP: ip,
      user: { githubLogin: 'kim' },
    });
    const index = new RangeIndex();
    // Newest first: the second event from 10.0.0.1 is not a first; the oldest is.
    const log = [from('10.0.0.1', 30), from('10.0.0.2', 20), from('10.0.0.1', 10)];
    index.addOlder(log);
    const identify = createEventIdentifier();
    const ids = log.map((e) => formatEventIdentity(identify(e)));
    const answer = answerMarks(index, { id: 3, identities: [...ids, '99-00000000'] });
    expect(answer).toEqual({ id: 3, marks: [0, MARK_FIRST_IP, MARK_FIRST_IP, 0] });
  });
});
