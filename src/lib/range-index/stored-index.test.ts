import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchRows } from './match-rows.ts';
import { RangeIndex } from './range-index.ts';
import { fromStoredIndex, toStoredIndex } from './stored-index.ts';
import { randomEvents, randomTerm, wireShapedEvents } from './testing/random-events.ts';

describe('stored index', () => {
  it('gives back the same events and the same answers', () => {
    fc.assert(
      fc.property(randomEvents(), fc.array(randomTerm, { maxLength: 3 }), (events, terms) => {
        const index = new RangeIndex();
        index.addOlder(events);
        const covered = { from: 0, to: 2_000_000_000 };
        // Through structured clone, as IndexedDB stores it.
        const stored = structuredClone(toStoredIndex(index, 'acme', covered, 5));
        const restored = fromStoredIndex(stored)!;
        expect(restored.size).toBe(events.length);
        expect(Array.from({ length: restored.size }, (_, row) => restored.event(row))).toEqual(
          Array.from({ length: index.size }, (_, row) => index.event(row)),
        );
        expect(matchRows(restored, { terms })).toEqual(matchRows(index, { terms }));
      }),
      { numRuns: 100 },
    );
  });

  it('gives back each event key for key, as the API sent it', () => {
    fc.assert(
      fc.property(wireShapedEvents(), (events) => {
        const index = new RangeIndex();
        index.addOlder(events);
        const stored = structuredClone(toStoredIndex(index, 'acme', { from: 0, to: 2e9 }, 5));
        const restored = fromStoredIndex(stored)!;
        const lines = Array.from({ length: restored.size }, (_, row) =>
          JSON.stringify(restored.event(row)),
        );
        expect(lines).toEqual(events.map((e) => JSON.stringify(e)));
      }),
      { numRuns: 100 },
    );
  });

  it('is read again rather than trusted when its shapes are damaged', () => {
    const index = new RangeIndex();
    index.addOlder([{ timestamp: 1, event: 'e', user: { githubLogin: 'k' } }]);
    const stored = toStoredIndex(index, 'acme', { from: 0, to: 2 }, 5);
    expect(fromStoredIndex({ ...stored, shapes: ['{not json'] })).toBeUndefined();
    expect(fromStoredIndex({ ...stored, shapes: ['{}'] })).toBeUndefined();
    expect(fromStoredIndex({ ...stored, shapes: [] })).toBeUndefined();
    // A slot may name only a column the index has.
    expect(fromStoredIndex({ ...stored, shapes: ['[["constructor","column"]]'] })).toBeUndefined();
    expect(fromStoredIndex({ ...stored, kept: ['[]', '{}'] })).toBeUndefined();
  });

  it('keeps growing at both ends after it is restored', () => {
    const event = (timestamp: number) => ({
      timestamp,
      event: 'stack-updated',
      user: { githubLogin: 'kim' },
    });
    const index = new RangeIndex();
    index.addOlder([event(20), event(10)]);
    const restored = fromStoredIndex(toStoredIndex(index, 'acme', { from: 10, to: 21 }, 0))!;
    restored.addNewer([event(30)]);
    restored.addOlder([event(5)]);
    expect(Array.from({ length: 4 }, (_, row) => restored.timestamp(row))).toEqual([30, 20, 10, 5]);
  });

  it('refuses a record of another format or with ids past its dictionaries', () => {
    const index = new RangeIndex();
    index.addOlder([{ timestamp: 1, event: 'stack-updated', user: { githubLogin: 'kim' } }]);
    const stored = toStoredIndex(index, 'acme', { from: 0, to: 2 }, 0);
    expect(fromStoredIndex({ ...stored, format: 0 })).toBeUndefined();
    expect(fromStoredIndex({ ...stored, users: [] })).toBeUndefined();
    expect(fromStoredIndex({ ...stored, flags: new Uint8Array(0) })).toBeUndefined();
  });
});
