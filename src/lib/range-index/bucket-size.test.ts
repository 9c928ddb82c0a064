import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketCount,
  bucketStart,
  chooseBucketSeconds,
  NICE_BUCKET_SECONDS,
} from './bucket-size.ts';

const DAY = 86400;
const t = (iso: string) => Date.parse(iso) / 1000;

describe('chooseBucketSeconds', () => {
  it('needs room for two buckets', () => {
    expect(() => chooseBucketSeconds(0, 10, 1)).toThrow(RangeError);
  });

  it.each([
    ['an hour', 3600, 60],
    ['a day', DAY, 900],
    ['a week', 7 * DAY, 6 * 3600],
    ['30 days', 30 * DAY, DAY],
    ['90 days', 90 * DAY, DAY],
    ['180 days', 180 * DAY, 7 * DAY],
    ['six years', 6 * 365 * DAY, 4 * 7 * DAY],
    ['a century', 100 * 365 * DAY, 52 * 7 * DAY],
  ])('%s, at most 120 buckets: %i s', (_, span, size) => {
    const from = t('2026-03-04T05:06:07Z');
    expect(chooseBucketSeconds(from, from + span, 120)).toBe(size);
  });

  it('past the largest size, takes whole multiples of it', () => {
    const year = 52 * 7 * DAY;
    const size = chooseBucketSeconds(0, 100 * 365 * DAY, 10);
    expect(size % year).toBe(0);
    expect(bucketCount(0, 100 * 365 * DAY, size)).toBeLessThanOrEqual(10);
    expect(bucketCount(0, 100 * 365 * DAY, size - year)).toBeGreaterThan(10);
  });

  it('always picks the smallest nice size within the bucket limit', () => {
    const range = fc.tuple(
      fc.integer({ min: 0, max: 4e9 }),
      fc.integer({ min: 0, max: 2e9 }),
      fc.integer({ min: 2, max: 500 }),
    );
    fc.assert(
      fc.property(range, ([from, span, max]) => {
        const size = chooseBucketSeconds(from, from + span, max);
        expect(bucketCount(from, from + span, size)).toBeLessThanOrEqual(max);
        const smaller = NICE_BUCKET_SECONDS.filter((s) => s < size);
        for (const s of smaller) expect(bucketCount(from, from + span, s)).toBeGreaterThan(max);
      }),
    );
  });
});

describe('bucketStart', () => {
  it.each([
    ['2026-03-04T05:06:07Z', 60, '2026-03-04T05:06:00Z'],
    ['2026-03-04T05:06:07Z', 900, '2026-03-04T05:00:00Z'],
    ['2026-03-04T05:06:07Z', 6 * 3600, '2026-03-04T00:00:00Z'],
    ['2026-03-04T05:06:07Z', DAY, '2026-03-04T00:00:00Z'],
    ['2026-03-04T05:06:07Z', 7 * DAY, '2026-03-02T00:00:00Z'],
    ['2026-03-02T00:00:00Z', 7 * DAY, '2026-03-02T00:00:00Z'],
    ['1970-01-01T00:00:00Z', 7 * DAY, '1969-12-29T00:00:00Z'],
  ])('%s in buckets of %i s starts at %s', (time, size, start) => {
    expect(bucketStart(t(time), size)).toBe(t(start));
  });

  it('holds the time in [start, start + size)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 4e9 }),
        fc.constantFrom(...NICE_BUCKET_SECONDS),
        (time, size) => {
          const start = bucketStart(time, size);
          expect(start).toBeLessThanOrEqual(time);
          expect(time).toBeLessThan(start + size);
        },
      ),
    );
  });
});
