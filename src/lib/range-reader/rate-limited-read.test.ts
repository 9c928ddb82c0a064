/**
 * The range reader against a Pulumi-like service that answers 429 beyond its rate limit, in
 * virtual time: the embedded service's `RATE_LIMIT=40` (a token bucket holding one second's
 * worth; beyond it 429 with `Retry-After` in whole seconds), pages of 100, 150 ms an answer,
 * over HTTP/2 (no cap on requests in flight) and over the browser's six HTTP/1.1 connections.
 * The bound is the rate limit's: pages / 40 a second. The benchmark's real reads take longer
 * than these by the CPU each request costs on its machine, not by the reader's pacing.
 */
import { describe, expect, it } from 'vitest';
import { generateLog, seededRandom } from './test-logs.ts';
import { readInVirtualTime } from './virtual-time-read.ts';

const NOW = 1_790_000_000;
const YEAR = 365 * 24 * 3600;
const RATE = 40;
const PULUMI_LIKE = { pageSize: 100, latencyMs: 150, bucket: { perSecond: RATE } };

describe('reading 20,000 events against a rate limit that answers 429', () => {
  const log = generateLog({ perSecond: 20_000 / YEAR, burst: 1 }, NOW - YEAR, NOW, seededRandom(5));
  const boundMs = (Math.ceil(log.length / PULUMI_LIKE.pageSize) * 1000) / RATE;

  it.each([
    { name: 'over HTTP/2, a year', range: { from: NOW - YEAR, to: NOW } },
    { name: 'over HTTP/2, all time', range: { from: 0, to: NOW } },
    { name: 'over HTTP/1.1, a year', range: { from: NOW - YEAR, to: NOW }, connections: 6 },
    { name: 'over HTTP/1.1, all time', range: { from: 0, to: NOW }, connections: 6 },
  ])(
    '$name: within 1.25× the bound, with under a tenth of the requests answered 429',
    async ({ range, connections }) => {
      const read = await readInVirtualTime(log, range, { ...PULUMI_LIKE, connections });
      expect(read.events).toBe(log.length);
      expect(boundMs).toBe(5000);
      expect(read.ms).toBeLessThanOrEqual(boundMs * 1.25);
      expect(read.rateLimited).toBeLessThan(read.requests / 10);
    },
  );
});
