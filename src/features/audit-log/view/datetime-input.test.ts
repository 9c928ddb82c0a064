import { describe, expect, it } from 'vitest';
import { fromInputValue, toInputValue } from './datetime-input.ts';

const T = Date.UTC(2026, 10, 8, 9, 5) / 1000;

describe('datetime-local values', () => {
  it('round-trips in UTC', () => {
    expect(toInputValue(T, 'utc')).toBe('2026-11-08T09:05:00');
    expect(fromInputValue('2026-11-08T09:05', 'utc')).toBe(T);
  });

  it('round-trips in local time', () => {
    expect(fromInputValue(toInputValue(T, 'local'), 'local')).toBe(T);
  });

  it.each(['', '2026-11-08', 'garbage', '2026-02-30T10:00'])('reads %j as nothing', (value) => {
    expect(fromInputValue(value, 'utc')).toBeUndefined();
  });

  it('shows nothing for no value', () => {
    expect(toInputValue(undefined, 'utc')).toBe('');
  });
});
