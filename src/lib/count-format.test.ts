import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, formatCount } from './count-format.ts';

describe('formatCount', () => {
  it('writes any count as the browser locale does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString());
      }),
    );
  });
});

describe('countOf', () => {
  it.each([
    [0, 'events'],
    [1, 'event'],
    [2, 'events'],
  ])('%i → the noun for %s', (n, noun) => {
    expect(countOf(n, 'event')).toBe(`${formatCount(n)} ${noun}`);
  });

  it('takes an irregular plural', () => {
    expect(countOf(3, 'match', 'matches')).toBe(`${formatCount(3)} matches`);
  });
});
