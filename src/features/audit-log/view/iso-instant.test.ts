import { describe, expect, it } from 'vitest';
import { formatIsoInstant, parseIsoInstant } from './iso-instant.ts';

describe('parseIsoInstant', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0],
    ['2026-11-01T00:00:00Z', Date.UTC(2026, 10, 1) / 1000],
    ['2026-11-01', Date.UTC(2026, 10, 1) / 1000],
    ['2026-11-01T02:30:00+02:30', Date.UTC(2026, 10, 1) / 1000],
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12) / 1000],
    ['9999-12-31T23:59:59Z', Date.UTC(9999, 11, 31, 23, 59, 59) / 1000],
  ])('%j → %j', (text, seconds) => {
    expect(parseIsoInstant(text)).toBe(seconds);
  });

  it.each([
    '2025-02-29',
    '2026-13-01',
    '2026-11-01T24:00:00Z',
    '2026-11-01T10:60:00Z',
    '2026-11-01T10:00:00',
    '2026-11-01T10:00:00+19:00',
    '1969-12-31T23:59:59Z',
    '2026-11-01T00:00:00ZZ',
    ' 2026-11-01',
    '1793491200',
    'now',
  ])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it('formats whole seconds in UTC', () => {
    expect(formatIsoInstant(Date.UTC(2026, 10, 8, 9, 5, 7) / 1000)).toBe('2026-11-08T09:05:07Z');
  });
});
