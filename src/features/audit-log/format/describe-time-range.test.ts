import { describe, expect, it } from 'vitest';
import { describeTimeRange, describeTimeRangeBriefly } from './describe-time-range.ts';

describe('describeTimeRange', () => {
  const from = Date.UTC(2026, 10, 1) / 1000;
  const to = Date.UTC(2026, 10, 8) / 1000;
  it.each([
    [{ tz: 'utc' as const }, 'All time'],
    [{ tz: 'utc' as const, range: '7d' as const }, 'Last 7 days'],
    [{ tz: 'utc' as const, from, to }, 'Nov 1, 2026, 00:00:00 UTC – Nov 8, 2026, 00:00:00 UTC'],
    [{ tz: 'utc' as const, from }, 'Since Nov 1, 2026, 00:00:00 UTC'],
    [{ tz: 'utc' as const, to }, 'Before Nov 8, 2026, 00:00:00 UTC'],
  ])('%j → %j', (view, expected) => {
    expect(describeTimeRange(view, 'en-US')).toBe(expected);
  });
});

describe('describeTimeRangeBriefly', () => {
  const from = Date.UTC(2026, 10, 1, 6, 30, 15) / 1000;
  const to = Date.UTC(2026, 10, 8) / 1000;
  const now = Date.UTC(2026, 11, 2) / 1000;
  it.each([
    [{ tz: 'utc' as const, range: '7d' as const }, now, 'Last 7 days'],
    [{ tz: 'utc' as const, from, to }, now, 'Nov 1, 06:30 – Nov 8, 00:00'],
    [{ tz: 'utc' as const, from }, now, 'Since Nov 1, 06:30'],
    [{ tz: 'utc' as const, to }, now, 'Before Nov 8, 00:00'],
    [
      { tz: 'utc' as const, from, to },
      now + 365 * 86_400,
      'Nov 1, 2026, 06:30 – Nov 8, 2026, 00:00',
    ],
  ])('%j at %i → %j', (view, nowSeconds, expected) => {
    expect(describeTimeRangeBriefly(view, nowSeconds, 'en-US')).toBe(expected);
  });
});
