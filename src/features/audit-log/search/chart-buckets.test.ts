import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_BUCKETS, chooseBucketSeconds } from '../../../lib/range-index/bucket-size.ts';
import { bucketLength } from './activity-chart-text.ts';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const NOW = Date.parse('2026-12-02T11:41:46Z') / 1000;

describe('the chart’s bucket follows the range', () => {
  it.each([
    ['1h', HOUR, 'minute'],
    ['24h', DAY, '15 minutes'],
    ['7d', 7 * DAY, 'hour'],
    ['30d', 30 * DAY, '6 hours'],
    ['90d', 90 * DAY, 'day'],
  ])('%s, as the preset resolves it, is drawn per %s', (_, span, length) => {
    expect(bucketLength(chooseBucketSeconds(NOW - span, NOW + 1, CHART_BUCKETS))).toBe(length);
  });

  it('is a minute for any range under three hours, and at most an hour up to a week', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e9 }),
        fc.integer({ min: 1, max: 7 * DAY }),
        (from, span) => {
          const size = chooseBucketSeconds(from, from + span, CHART_BUCKETS);
          if (span <= (CHART_BUCKETS - 1) * MINUTE) expect(size).toBe(MINUTE);
          expect(size).toBeLessThanOrEqual(HOUR);
        },
      ),
    );
  });
});

describe('bucketLength', () => {
  it.each([
    [60, 'minute'],
    [300, '5 minutes'],
    [900, '15 minutes'],
    [3600, 'hour'],
    [21600, '6 hours'],
    [86400, 'day'],
    [7 * 86400, 'week'],
    [28 * 86400, '4 weeks'],
  ])('%i seconds is "%s"', (seconds, text) => {
    expect(bucketLength(seconds)).toBe(text);
  });
});
