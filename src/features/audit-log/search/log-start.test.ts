import { describe, expect, it } from 'vitest';
import { generateLog, seededRandom } from '../../../lib/range-reader/test-logs.ts';
import { findLogStart, type FetchPageBefore } from './log-start.ts';

const NOW = 1_790_000_000;
const DAY = 86_400;

/** The V2 list with `endTime` alone over an ascending `log`, `pageSize` events a page. */
function pagesBefore(log: readonly number[], pageSize: number) {
  const asked: number[] = [];
  const fetchBefore: FetchPageBefore = async (endTime) => {
    asked.push(endTime);
    const before = log.filter((t) => t < endTime);
    const page = before.slice(-pageSize);
    return { events: page.length, oldest: page[0], more: before.length > page.length };
  };
  return { fetchBefore, asked };
}

describe('findLogStart', () => {
  it.each([
    ['an hour', 3_600, 1, 1],
    ['a week', 7 * DAY, 1 / 60, 100],
    ['a year', 365 * DAY, 1 / 600, 100],
    ['five years', 5 * 365 * DAY, 1 / 3_600, 1],
  ])(
    'finds the start of a log %s old within 5%% of its age, in a few requests',
    async (_, age, perSecond, pageSize) => {
      const log = generateLog({ perSecond, burst: 1 }, NOW - age, NOW, seededRandom(age));
      const { fetchBefore, asked } = pagesBefore(log, pageSize);
      const start = await findLogStart(fetchBefore, NOW);
      const trueAge = NOW - log[0]!;
      expect(Math.abs(NOW - start! - trueAge)).toBeLessThanOrEqual(0.05 * trueAge);
      expect(asked.length).toBeLessThanOrEqual(9);
    },
  );

  it('takes the start from a page with nothing after it', async () => {
    const log = [NOW - 50_000, ...Array.from({ length: 150 }, (_, i) => NOW - 1_000 + i)];
    const { fetchBefore } = pagesBefore(log, 100);
    expect(await findLogStart(fetchBefore, NOW)).toBe(NOW - 50_000);
  });

  it('is null for a log with no event older than a second', async () => {
    const { fetchBefore } = pagesBefore([NOW], 100);
    expect(await findLogStart(fetchBefore, NOW)).toBeNull();
  });
});
