import { describe, expect, it } from 'vitest';
import { describeTimeRange } from './describe-time-range.ts';
import {
  formatAbsolute,
  formatEventTime,
  formatInstantWithOffset,
  formatRelative,
} from './format-time.ts';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0) / 1000;

describe('formatRelative', () => {
  it.each([
    [0, 'just now'],
    [59, 'just now'],
    [60, '1 min ago'],
    [4 * 60 + 59, '4 min ago'],
    [3599, '59 min ago'],
    [3600, '1 h ago'],
    [23 * 3600 + 3599, '23 h ago'],
    [24 * 3600, undefined],
    [-5, undefined],
  ])('%j s ago → %j', (age, expected) => {
    expect(formatRelative(NOW - age, NOW)).toBe(expected);
  });
});

describe('formatAbsolute', () => {
  const options = { locale: 'en-US', nowSeconds: NOW };
  it.each([
    [Date.UTC(2026, 10, 3, 14, 5, 9), 'UTC', 'Nov 3, 14:05:09'],
    [Date.UTC(2026, 10, 3, 14, 5, 9), 'America/New_York', 'Nov 3, 09:05:09'],
    [Date.UTC(2026, 10, 3, 23, 30, 0), 'Asia/Tokyo', 'Nov 4, 08:30:00'],
    [Date.UTC(2025, 0, 2, 3, 4, 5), 'UTC', 'Jan 2, 2025, 03:04:05'],
  ])('%j in %s → %j', (ms, timeZone, expected) => {
    expect(formatAbsolute(ms / 1000, { ...options, timeZone })).toBe(expected);
  });
});

describe('formatInstantWithOffset', () => {
  const t = Date.UTC(2026, 10, 3, 14, 5, 9) / 1000;
  it.each([
    ['UTC', '2026-11-03T14:05:09Z'],
    ['Europe/Paris', '2026-11-03T15:05:09+01:00'],
    ['America/New_York', '2026-11-03T09:05:09-05:00'],
    ['Asia/Kolkata', '2026-11-03T19:35:09+05:30'],
  ])('in %s → %j', (timeZone, expected) => {
    expect(formatInstantWithOffset(t, timeZone)).toBe(expected);
  });

  it('follows daylight saving time', () => {
    const summer = Date.UTC(2026, 6, 1, 12) / 1000;
    expect(formatInstantWithOffset(summer, 'Europe/Paris')).toBe('2026-07-01T14:00:00+02:00');
  });
});

describe('formatEventTime', () => {
  it('is relative within the day, with the exact instant as title', () => {
    const text = formatEventTime(NOW - 240, { timeZone: 'UTC', nowSeconds: NOW, locale: 'en-US' });
    expect(text).toEqual({
      label: '4 min ago',
      title: '2026-11-25T11:56:00Z',
      dateTime: '2026-11-25T11:56:00Z',
    });
  });

  it('is absolute before, in the chosen zone', () => {
    const t = NOW - 2 * 86400;
    const text = formatEventTime(t, { timeZone: 'Europe/Paris', nowSeconds: NOW, locale: 'en-US' });
    expect(text.label).toBe('Nov 23, 13:00:00');
    expect(text.title).toBe('2026-11-23T13:00:00+01:00');
    expect(text.dateTime).toBe('2026-11-23T12:00:00Z');
  });
});

describe('describeTimeRange', () => {
  const from = Date.UTC(2026, 10, 1) / 1000;
  const to = Date.UTC(2026, 10, 8) / 1000;
  it.each([
    [{ tz: 'utc' as const }, 'All time'],
    [{ tz: 'utc' as const, range: '7d' as const }, 'Last 7 days'],
    [{ tz: 'utc' as const, from, to }, 'Nov 1, 2026, 00:00 UTC – Nov 8, 2026, 00:00 UTC'],
    [{ tz: 'utc' as const, from }, 'Since Nov 1, 2026, 00:00 UTC'],
    [{ tz: 'utc' as const, to }, 'Before Nov 8, 2026, 00:00 UTC'],
  ])('%j → %j', (view, expected) => {
    expect(describeTimeRange(view, 'en-US')).toBe(expected);
  });
});
