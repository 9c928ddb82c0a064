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
});
