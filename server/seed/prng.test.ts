import { describe, expect, it } from 'vitest';
import { hashString } from '../../common/text/hash-string.ts';
import { mulberry32, stableUuid, weightedIndex } from './prng.ts';

describe('prng', () => {
  it('mulberry32 repeats per seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it('weightedIndex follows the weights and never picks a zero weight', () => {
    const pick = weightedIndex([1, 0, 3]);
    const next = mulberry32(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[pick(next())]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.5);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.5);
    expect(() => weightedIndex([0, 0])).toThrow(RangeError);
    expect(() => weightedIndex([-1, 2])).toThrow(RangeError);
  });

  it('hashString and stableUuid are stable', () => {
    expect(hashString('kim')).toBe(hashString('kim'));
    expect(stableUuid('acme/ci')).toBe(stableUuid('acme/ci'));
    expect(stableUuid('acme/ci')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
