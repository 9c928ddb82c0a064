/**
 * Property: reading a range in concurrent windows yields exactly what one sequential read
 * yields, event for event and in the same order, for any timestamps (spread out, bunched into
 * one second, with gaps), any range, any page size and concurrency, under each of the four
 * readings of the API's bounds, and with failures on random requests.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api-client.ts';
import { BOUND_READINGS, fakeLog, LOG_BASE, readAllEvents, sequentialRead } from './test-api.ts';

const timestampsArb = fc.oneof(
  // Spread over a few minutes, so window bounds often fall on a second with events.
  fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 120 }),
  // All in one second.
  fc.nat({ max: 50 }).chain((n) => fc.constant(Array.from({ length: n }, () => 7))),
  // Bursts a few seconds wide, far apart, with empty gaps between them.
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: 80_000 }),
        fc.array(fc.nat({ max: 3 }), { maxLength: 30 }),
      ),
      { maxLength: 4 },
    )
    .map((bursts) => bursts.flatMap(([at, offsets]) => offsets.map((o) => at + o))),
);

const FAILURES = [
  new ApiError(429, 'slow', 0),
  new ApiError(500, 'down'),
  new ApiError(503, 'down'),
  new NetworkError(),
  new NetworkError('reset mid-body'),
];

const caseArb = fc.record({
  timestamps: timestampsArb,
  from: fc.oneof(
    fc.constant(0),
    fc.integer({ min: -2, max: 310 }),
    fc.integer({ min: -2, max: 86_400 }),
  ),
  length: fc.oneof(fc.integer({ min: 1, max: 320 }), fc.integer({ min: 1, max: 90_000 })),
  reading: fc.constantFrom(...BOUND_READINGS),
  pageSize: fc.integer({ min: 1, max: 12 }),
  initial: fc.integer({ min: 1, max: 6 }),
  max: fc.integer({ min: 1, max: 10 }),
  // Per call: which failure (if any) and how many microtask turns the answer takes.
  calls: fc.array(fc.tuple(fc.nat({ max: 19 }), fc.nat({ max: 6 })), {
    minLength: 1,
    maxLength: 64,
  }),
});

it('reads every range exactly as one sequential read does', async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const from = c.from === 0 ? 0 : LOG_BASE + c.from;
      const range = { from, to: (from === 0 ? LOG_BASE : from) + c.length };
      // Failures on the first requests as drawn, none after, so every read can finish.
      const { events, fetchPage } = fakeLog(c.timestamps, {
        ...c.reading,
        pageSize: c.pageSize,
        failure: (n) => FAILURES[c.calls[n]?.[0] ?? -1],
        turns: (n) => c.calls[n % c.calls.length]![1],
      });
      const out = await readAllEvents({
        fetchPage,
        range,
        concurrency: { initial: c.initial, max: c.max },
        maxRetries: 200,
      });
      expect(out).toEqual(sequentialRead(events, range));
    }),
    { numRuns: 300 },
  );
});
