/**
 * Seeded randomness for the demo data. Everything the seeder draws comes from here so the same
 * seed always gives byte-identical events (Math.random is never used).
 */
import { hashString } from '../../common/text/hash-string.ts';

/** A 32-bit PRNG (mulberry32): `mulberry32(42)()` is always the same number in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A picker that maps a uniform draw to an index with the given weights, by binary search over
 * the cumulative sums: `weightedIndex([1, 3])(0.5) === 1`.
 */
export function weightedIndex(weights: readonly number[]): (uniform: number) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, i) => {
    if (!(weight >= 0)) throw new RangeError(`weight ${i} must be non-negative, got ${weight}`);
    total += weight;
    cumulative[i] = total;
  });
  if (total <= 0) throw new RangeError('at least one weight must be positive');
  return (uniform) => {
    const target = uniform * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}

/**
 * A UUID-shaped id that depends only on `text`, for token ids that must not change between
 * seeds: `stableUuid('kim/laptop')` → `'9b1c…-…-4…-8…-…'`.
 */
export function stableUuid(text: string): string {
  const next = mulberry32(hashString(text));
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
