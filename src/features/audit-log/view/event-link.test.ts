import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { loadedRowsOf } from '../api/loaded-rows.ts';
import { eventLinkView, findLinkedEvent, identityOfRow, rowOfIdentity } from './event-link.ts';

const event = (timestamp: number, description: string): AuditLogEvent => ({
  timestamp,
  event: 'stack-updated',
  description,
  user: { githubLogin: 'kim' },
});

// Two identical events in second 100, another in it, and one in second 99.
const log = [event(100, 'a'), event(100, 'b'), event(100, 'a'), event(99, 'a')];

describe('event links', () => {
  it('name identical events of one second apart by their order', () => {
    const rows = loadedRowsOf([{ rowOffset: 0, events: log }]);
    const ids = log.map((_, i) => identityOfRow(rows, i));
    expect(new Set(ids).size).toBe(4);
    expect(ids[2]).toBe(`${ids[0]}-1`);
    expect(ids.map((id) => rowOfIdentity(rows, id!))).toEqual([0, 1, 2, 3]);
  });

  it('find the same event among every event of its second', () => {
    const rows = loadedRowsOf([{ rowOffset: 0, events: log }]);
    const second = log.slice(0, 3);
    expect(findLinkedEvent(second, identityOfRow(rows, 2)!)).toBe(log[2]);
    expect(findLinkedEvent(second, '100-00000000')).toBeUndefined();
  });

  it('name a row the same when the rows above it are filtered out', () => {
    const all = loadedRowsOf([{ rowOffset: 0, events: log }]);
    const onlyA = loadedRowsOf([{ rowOffset: 0, events: [log[0]!, log[2]!] }]);
    expect(identityOfRow(onlyA, 1)).toBe(identityOfRow(all, 2));
  });

  it('open the hour around the event, unfiltered, in the same zone', () => {
    expect(eventLinkView({ tz: 'utc', user: 'kim', q: 'x' }, '5000-0000abcd')).toEqual({
      tz: 'utc',
      from: 3200,
      to: 6801,
      details: '5000-0000abcd',
    });
  });
});
