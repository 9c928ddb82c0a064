import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { matchRows } from './match-rows.ts';
import { RangeIndex } from './range-index.ts';
import { naiveMatch } from './testing/naive-search.ts';
import { randomEvents, randomTerm, wireShapedEvents } from './testing/random-events.ts';

const event = (timestamp: number): AuditLogEvent => ({
  timestamp,
  event: 'e',
  user: { githubLogin: 'k' },
});
const all = (index: RangeIndex) => Array.from({ length: index.size }, (_, row) => index.event(row));

/** Cuts `events` into batches at the given fractions, first to last. */
function cut(events: AuditLogEvent[], cuts: number[]): AuditLogEvent[][] {
  const at = [...new Set(cuts.map((c) => Math.floor(c * events.length)))].sort((a, b) => a - b);
  return [0, ...at, events.length]
    .slice(1)
    .map((end, i, ends) => events.slice(i ? ends[i - 1] : 0, end));
}

describe('RangeIndex', () => {
  it('gives every event back as the API sent it, in order', () => {
    fc.assert(
      fc.property(randomEvents(), (events) => {
        const index = new RangeIndex();
        index.addOlder(events);
        expect(all(index)).toEqual(events);
      }),
    );
  });

  it('gives every event back key for key, as JSON Lines of the API pages would write it', () => {
    fc.assert(
      fc.property(wireShapedEvents(), fc.nat(), (events, seed) => {
        const index = new RangeIndex();
        const at = seed % (events.length + 1);
        index.addOlder(events.slice(at));
        index.addNewer(events.slice(0, at));
        expect(all(index).map((e) => JSON.stringify(e))).toEqual(
          events.map((e) => JSON.stringify(e)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('gives back a field named like a prototype as a field, touching no prototype', () => {
    const line =
      '{"timestamp":1,"__proto__":{"polluted":true},"event":"e","user":{"githubLogin":"k","__proto__":{"x":1}}}';
    const index = new RangeIndex();
    index.addOlder([JSON.parse(line) as AuditLogEvent]);
    const back = index.event(0);
    expect(JSON.stringify(back)).toBe(line);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('keeps one shape for events that differ only in a field it does not index', () => {
    const sent = Array.from({ length: 500 }, (_, i) => ({
      ...event(1000 - i),
      requestId: `r-${i}`,
      user: { githubLogin: 'k', email: `k${i % 3}@acme.example` },
    }));
    const index = new RangeIndex();
    index.addOlder(sent);
    expect(index.dictionaries.shape.size).toBe(1);
    expect(all(index).map((e) => JSON.stringify(e))).toEqual(sent.map((e) => JSON.stringify(e)));
  });

  it('indexes an event with a field nested deeper than JSON can write, keeping the rest', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const index = new RangeIndex();
    index.addOlder([{ ...event(2), description: 'first' }, { ...event(1), deep } as AuditLogEvent]);
    expect(index.size).toBe(2);
    expect(index.event(0)).toEqual({ ...event(2), description: 'first' });
    expect(index.event(1)).toMatchObject(event(1));
  });

  it('tells apart users and tokens whose parts differ only where a separator could fall', () => {
    const sent: AuditLogEvent[] = [
      {
        timestamp: 3,
        event: 'e',
        user: { githubLogin: 'a\u0000b', name: 'c' },
        tokenID: 'x\u0000',
        tokenName: 'y',
      },
      {
        timestamp: 2,
        event: 'e',
        user: { githubLogin: 'a', name: 'b\u0000c' },
        tokenID: 'x',
        tokenName: '\u0000y',
      },
      {
        timestamp: 1,
        event: 'e',
        user: { githubLogin: 'a:1', name: '' },
        tokenID: '1:',
        tokenName: '',
      },
    ];
    const index = new RangeIndex();
    index.addOlder(sent);
    expect(all(index)).toEqual(sent);
  });

  it('shares no kept value between events read back', () => {
    const sent = { ...event(1), context: { stack: 'web/prod' } };
    const index = new RangeIndex();
    index.addOlder([sent, { ...sent }]);
    (index.event(0) as unknown as { context: { stack: string } }).context.stack = 'changed';
    expect(index.event(1)).toEqual(sent);
    expect(index.event(0)).toEqual(sent);
  });

  it('reads the same whether built from pages, older ranges and newer ones', () => {
    const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 });
    const query = fc.array(randomTerm, { maxLength: 3 }).map((terms) => ({ terms }));
    fc.assert(
      fc.property(
        randomEvents({ maxLength: 200 }),
        fractions,
        fc.nat(),
        query,
        (events, cuts, seed, q) => {
          const batches = cut(events, cuts);
          // Start from one batch in the middle, then add the rest newer and older in any order.
          const middle = seed % Math.max(1, batches.length);
          const index = new RangeIndex();
          index.addOlder(batches[middle] ?? []);
          let newer = middle - 1;
          let older = middle + 1;
          for (let step = seed; newer >= 0 || older < batches.length; step >>= 1) {
            if ((step & 1 && newer >= 0) || older >= batches.length)
              index.addNewer(batches[newer--]!);
            else index.addOlder(batches[older++]!);
          }
          index.trim();
          expect(all(index)).toEqual(events);
          expect([...matchRows(index, q)]).toEqual(naiveMatch(events, q));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps room at the front for later newer events', () => {
    const index = new RangeIndex();
    for (let t = 0; t < 3000; t++) index.addNewer([event(t)]);
    expect(index.size).toBe(3000);
    expect(index.timestamp(0)).toBe(2999);
    expect(index.timestamp(2999)).toBe(0);
  });

  it('refuses batches out of order', () => {
    const index = new RangeIndex();
    index.addOlder([event(20), event(10)]);
    expect(() => index.addOlder([event(11)])).toThrow(RangeError);
    expect(() => index.addNewer([event(19)])).toThrow(RangeError);
    expect(() => index.addOlder([event(5), event(6)])).toThrow(RangeError);
    index.addOlder([event(10)]);
    index.addNewer([event(21), event(20)]);
    expect(all(index).map((e) => e.timestamp)).toEqual([21, 20, 20, 10, 10]);
  });

  it('finds rows by time', () => {
    const index = new RangeIndex();
    index.addOlder([30, 20, 20, 10].map(event));
    expect(index.rowsBetween(20, 21)).toEqual([1, 3]);
    expect(index.rowsBetween(0, 100)).toEqual([0, 4]);
    expect(index.rowsBetween(31, 40)).toEqual([0, 0]);
  });
});
