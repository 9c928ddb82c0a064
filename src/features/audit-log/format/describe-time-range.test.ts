import { describe, expect, it } from 'vitest';
import { describeTimeRange } from './describe-time-range.ts';

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
