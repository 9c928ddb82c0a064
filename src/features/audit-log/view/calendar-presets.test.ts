import { describe, expect, it } from 'vitest';
import { calendarRange } from './calendar-presets.ts';

// Sunday, 8 November 2026, 09:30 UTC.
const NOW = Date.UTC(2026, 10, 8, 9, 30) / 1000;
const utc = (...args: [number, number, number]) => Date.UTC(...args) / 1000;

describe('calendarRange in UTC', () => {
  it.each([
    ['today', utc(2026, 10, 8), utc(2026, 10, 9)],
    ['yesterday', utc(2026, 10, 7), utc(2026, 10, 8)],
    ['this-week', utc(2026, 10, 2), utc(2026, 10, 9)],
    ['last-week', utc(2026, 9, 26), utc(2026, 10, 2)],
    ['this-month', utc(2026, 10, 1), utc(2026, 11, 1)],
    ['last-month', utc(2026, 9, 1), utc(2026, 10, 1)],
  ] as const)('%s', (preset, from, to) => {
    expect(calendarRange(preset, NOW, 'utc')).toEqual({ from, to });
  });

  it('crosses the year for last month in January', () => {
    const january = Date.UTC(2027, 0, 15) / 1000;
    expect(calendarRange('last-month', january, 'utc')).toEqual({
      from: utc(2026, 11, 1),
      to: utc(2027, 0, 1),
    });
  });
});

describe('calendarRange in local time', () => {
  it('starts days at local midnight and always contains now for the current periods', () => {
    for (const preset of ['today', 'this-week', 'this-month'] as const) {
      const { from, to } = calendarRange(preset, NOW, 'local');
      expect(from).toBeLessThanOrEqual(NOW);
      expect(to).toBeGreaterThan(NOW);
      expect(new Date(from * 1000).getHours()).toBe(0);
    }
  });

  it('makes yesterday end where today starts', () => {
    expect(calendarRange('yesterday', NOW, 'local').to).toBe(
      calendarRange('today', NOW, 'local').from,
    );
  });
});
