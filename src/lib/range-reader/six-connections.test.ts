/**
 * The range reader against a Pulumi-like service reached over HTTP/1.1, in virtual time: pages of
 * 100, 150 ms an answer, 40 requests a second, and the browser's six connections to one host.
 * Six connections at 150 ms carry 40 requests a second, the rate limit itself, so the floor
 * is the same either way: the reader must come close to it (decision note 027).
 */
import { describe, expect, it } from 'vitest';
import { generateLog, seededRandom } from './test-logs.ts';
import { readInVirtualTime } from './virtual-time-read.ts';

const NOW = 1_790_000_000;
const YEAR = 365 * 24 * 3600;
const PULUMI_LIKE = { pageSize: 100, latencyMs: 150, requestsPerSecond: 40, connections: 6 };

describe('reading 20,000 events over six connections', () => {
  const log = generateLog({ perSecond: 20_000 / YEAR, burst: 1 }, NOW - YEAR, NOW, seededRandom(3));
  const pages = Math.ceil(log.length / PULUMI_LIKE.pageSize);
  // Every page a full one, every connection busy from the first request to the last answer.
  const floorMs = Math.max(
    (pages * PULUMI_LIKE.latencyMs) / PULUMI_LIKE.connections,
    (pages * 1000) / PULUMI_LIKE.requestsPerSecond,
  );

  it.each([
    { name: 'a year', range: { from: NOW - YEAR, to: NOW } },
    { name: 'all time (from 1970)', range: { from: 0, to: NOW } },
  ])(
    'reads $name within 10% of the requests and 15% of the time of the floor',
    async ({ range }) => {
      const read = await readInVirtualTime(log, range, PULUMI_LIKE);
      expect(read.events).toBe(log.length);
      expect(floorMs).toBe(5000);
      expect(read.requests).toBeLessThanOrEqual(pages * 1.1);
      expect(read.ms).toBeLessThanOrEqual(floorMs * 1.15);
    },
  );

  it.each([3, 30, 365])(
    'reads all time of a log begun %i days ago asking at most five empty pages',
    async (days) => {
      const begun = NOW - days * 24 * 3600;
      const young = generateLog(
        { perSecond: 20_000 / (NOW - begun), burst: 1 },
        begun,
        NOW,
        seededRandom(3),
      );
      const read = await readInVirtualTime(young, { from: 0, to: NOW }, PULUMI_LIKE);
      expect(read.events).toBe(young.length);
      // Halving the decades since 1970 asked 9 to 15. Left: the plan's windows older than a
      // young log, and the older half of a week that began before the log.
      expect(read.empty).toBeLessThanOrEqual(5);
      expect(read.requests).toBeLessThanOrEqual(Math.ceil(young.length / 100) * 1.1);
    },
  );
});
