import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCompactUtc, formatUtcInstant } from './utc-instant.ts';

const NOV_1 = Date.UTC(2026, 10, 1) / 1000;

describe('UTC instants', () => {
  it.each([
    [0, '1970-01-01T00:00:00Z', '19700101T000000Z'],
    [NOV_1, '2026-11-01T00:00:00Z', '20261101T000000Z'],
    [NOV_1 + 3661, '2026-11-01T01:01:01Z', '20261101T010101Z'],
  ])('writes %i as RFC 3339 and as ISO 8601 basic', (seconds, rfc3339, basic) => {
    expect(formatUtcInstant(seconds)).toBe(rfc3339);
    expect(formatCompactUtc(seconds)).toBe(basic);
  });

  it('writes any second as the Date of that second does, whatever came before it', () => {
    const asDate = (seconds: number) =>
      new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const second = fc.oneof(
      fc.integer({ min: 0, max: 4_102_444_800 }), // 1970 to 2100
      fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }), // years 1 to 9999
      fc.constantFrom(-1, 0, 86_399, 86_400, 951_782_399, 951_782_400, 253_402_300_799),
      fc.constant(253_402_300_800), // year 10000: six digits, as the Date writes it
    );
    fc.assert(
      fc.property(fc.array(second, { minLength: 1, maxLength: 20 }), (seconds) => {
        for (const s of seconds) expect(formatUtcInstant(s)).toBe(asDate(s));
      }),
      { numRuns: 500 },
    );
  });
});
