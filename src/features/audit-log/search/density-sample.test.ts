import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { densityIn, sampleDensity, sampleEnds } from './density-sample.ts';

const DAY = 86_400;
const WEEK = 7 * DAY;

describe('sampleEnds', () => {
  it('puts every sample inside the range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 16, max: 400 * DAY }),
        (from, span) => {
          for (const end of sampleEnds({ from, to: from + span })) {
            expect(end).toBeGreaterThan(from);
            expect(end).toBeLessThanOrEqual(from + span);
          }
        },
      ),
    );
  });

  it('spreads the samples of a range of weeks evenly over the hours of the week', () => {
    const to = 1_789_567_200;
    const phases = sampleEnds({ from: to - 182 * DAY, to })
      .map((end) => (((end % WEEK) + WEEK) % WEEK) / 3600)
      .sort((a, b) => a - b);
    // Sixteen samples, one every 10.5 hours of the week's 168.
    phases.forEach((hour, i) => i > 0 && expect(hour - phases[i - 1]!).toBeCloseTo(10.5, 5));
  });
});

describe('densityIn', () => {
  it('counts a page with nothing after it over the whole window', () => {
    expect(densityIn({ events: 30, oldest: 500, more: false }, { from: 0, to: 1000 })).toBe(0.03);
  });

  it('measures a full page over the seconds after its oldest', () => {
    const page = { events: 100, oldest: 900, atOldest: 1, more: true };
    expect(densityIn(page, { from: 0, to: 1000 })).toBe(1);
  });
});

describe('sampleDensity', () => {
  it('finds the density of a steady log exactly', async () => {
    // Two events a second: every window holds exactly its seconds twice over.
    const density = await sampleDensity(
      async ({ from, to }) => ({ events: 2 * (to - from), oldest: from, more: false }),
      { from: 0, to: 30 * DAY },
      0.5,
    );
    expect(density).toBe(2);
  });

  it('asks for whole seconds only, as the API takes them', async () => {
    const asked: number[] = [];
    await sampleDensity(
      async ({ from, to }) => {
        asked.push(from, to);
        return { events: 0, more: false };
      },
      { from: 1_000_000, to: 1_000_000 + 91 * DAY },
      0.0013,
    );
    expect(asked.every(Number.isInteger)).toBe(true);
  });
});
