import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAbsolute,
  formatBriefDateTime,
  formatCompactInstant,
  formatDay,
  formatEventTime,
  formatInstantWithOffset,
  formatRelative,
  formatSpan,
  inYearOf,
} from './time-format.ts';

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

  it('shows the year as "now" moves into another year and back, in each zone', () => {
    const event = Date.UTC(2026, 11, 31, 20) / 1000; // Dec 31 in UTC, Jan 1 in Tokyo
    const nextYear = Date.UTC(2027, 0, 1, 12) / 1000;
    const at = (nowSeconds: number, timeZone: string) =>
      formatAbsolute(event, { locale: 'en-US', nowSeconds, timeZone });
    expect(at(NOW, 'UTC')).toBe('Dec 31, 20:00:00');
    expect(at(nextYear, 'UTC')).toBe('Dec 31, 2026, 20:00:00');
    expect(at(nextYear, 'Asia/Tokyo')).toBe('Jan 1, 05:00:00');
    expect(at(NOW, 'Asia/Tokyo')).toBe('Jan 1, 2027, 05:00:00');
    expect(at(NOW, 'UTC')).toBe('Dec 31, 20:00:00');
    // "Now" at the event itself: still 2026 in UTC, already 2027 in Tokyo.
    expect(at(event, 'UTC')).toBe('Dec 31, 20:00:00');
    expect(at(event, 'Asia/Tokyo')).toBe('Jan 1, 05:00:00');
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

  it('writes UTC as the formatter does, for every second of the four-digit years', () => {
    const lastSecond = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lastSecond }), (seconds) => {
        // "Etc/UTC" takes the formatter's path; it writes the zero offset as +00:00.
        const byFormatter = formatInstantWithOffset(seconds, 'Etc/UTC').replace(/\+00:00$/, 'Z');
        expect(formatInstantWithOffset(seconds, 'UTC')).toBe(byFormatter);
      }),
      { numRuns: 2000 },
    );
    expect(formatInstantWithOffset(lastSecond + 1, 'UTC')).toBe('10000-01-01T00:00:00Z');
  });

  it('follows daylight saving time', () => {
    const summer = Date.UTC(2026, 6, 1, 12) / 1000;
    expect(formatInstantWithOffset(summer, 'Europe/Paris')).toBe('2026-07-01T14:00:00+02:00');
  });
});

describe('formatEventTime', () => {
  it('is absolute even within the day, with the age and the exact instant as title', () => {
    const text = formatEventTime(NOW - 240, { timeZone: 'UTC', nowSeconds: NOW, locale: 'en-US' });
    expect(text).toEqual({
      label: 'Nov 25, 11:56:00',
      title: '4 min ago · 2026-11-25T11:56:00Z',
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

describe('formatCompactInstant', () => {
  const NOV_1 = Date.UTC(2026, 10, 1) / 1000;
  it.each([
    ['UTC', '20261101T000000Z'],
    ['Europe/Paris', '20261101T010000+0100'],
    ['America/New_York', '20261031T200000-0400'],
  ])('writes an instant in %s with its offset', (zone, expected) => {
    expect(formatCompactInstant(NOV_1, zone)).toBe(expected);
  });
});

describe('formatDay', () => {
  it('writes the day in the zone, with its year', () => {
    const NOV_1 = Date.UTC(2026, 10, 1) / 1000;
    expect(formatDay(NOV_1, 'UTC', 'en-US')).toBe('Nov 1, 2026');
    expect(formatDay(NOV_1, 'America/New_York', 'en-US')).toBe('Oct 31, 2026');
  });
});

describe('formatSpan', () => {
  const options = { timeZone: 'UTC', locale: 'en-US', nowSeconds: NOW };
  const at = (iso: string) => Date.parse(iso) / 1000;
  it.each([
    ['2026-11-24T14:00Z', '2026-11-24T15:00Z', 'Nov 24, 14:00 – 15:00'],
    ['2026-11-24T00:00Z', '2026-11-25T00:00Z', 'Nov 24, 00:00 – Nov 25, 00:00'],
    ['2025-11-24T14:00Z', '2025-11-24T15:00Z', 'Nov 24, 2025, 14:00 – 15:00'],
    ['2025-12-01T00:00Z', '2026-01-01T00:00Z', 'Dec 1, 2025, 00:00 – Jan 1, 2026, 00:00'],
  ])('%s to %s → %j', (from, to, expected) => {
    expect(formatSpan({ from: at(from), to: at(to) }, options)).toBe(expected);
  });

  it('says the day once in the zone the span is read in', () => {
    const span = { from: at('2026-11-24T22:00Z'), to: at('2026-11-24T23:00Z') };
    expect(formatSpan(span, { ...options, timeZone: 'Asia/Tokyo' })).toBe('Nov 25, 07:00 – 08:00');
  });
});

describe('formatBriefDateTime and inYearOf', () => {
  const options = { timeZone: 'UTC', locale: 'en-US', nowSeconds: NOW };
  it('leave the year out only for times in this year, in the zone', () => {
    const newYear = Date.UTC(2026, 0, 1, 0, 30) / 1000;
    expect(formatBriefDateTime(newYear, options)).toBe('Jan 1, 00:30');
    expect(formatBriefDateTime(newYear - 3600, options)).toBe('Dec 31, 2025, 23:30');
    expect(inYearOf(NOW, [newYear - 3600], 'Asia/Tokyo')).toBe(true);
    expect(inYearOf(NOW, [undefined, newYear], 'UTC')).toBe(true);
  });
});
