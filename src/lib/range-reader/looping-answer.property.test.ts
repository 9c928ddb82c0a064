/**
 * Property: an API that, from some request on, stops moving its chains on — answering a page
 * with a continuation token already followed (stuck on one page), or with fresh tokens through
 * events newer than the ones it already gave — ends every read with a clear, non-retried
 * "invalid answer" error instead of reading forever; before that request, the read is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidAnswerError } from '../../../common/pulumi/invalid-answer.ts';
import { PagerError } from '../../../common/pulumi/retrying-fetcher.ts';
import { testEvent } from '../../testing/test-pages.ts';
import type { WindowPageFetcher } from './range-reader.ts';
import { BOUND_READINGS, fakeLog, LOG_BASE, readAllEvents, sequentialRead } from './test-api.ts';
/** Far more requests than any read here needs: past it, the read is looping. */
const RUNAWAY = 2000;
/** Newer than every event of any range here. */
const FUTURE = LOG_BASE + 10_000_000;

type Fault = 'repeat-token' | 'newer-events';

/**
 * The fake API, turned hostile from request `from` on: a request with a token is answered
 * stuck on that token, or with an event newer than anything read and a token never seen.
 */
function hostileApi(valid: WindowPageFetcher, fault: Fault, from: number) {
  let calls = 0;
  let faults = 0;
  const fetchPage: WindowPageFetcher = async (bounds, token, signal) => {
    const n = calls++;
    if (n >= RUNAWAY) throw new Error('runaway: the reader never stopped');
    if (token?.includes('!')) token = token.slice(0, token.indexOf('!'));
    const page = await valid(bounds, token, signal);
    if (n < from || token === undefined) return page;
    faults += 1;
    return fault === 'repeat-token'
      ? { ...page, continuationToken: token }
      : { auditLogEvents: [testEvent(FUTURE)], continuationToken: `${token}!${n}` };
  };
  return { fetchPage, faulted: () => faults > 0, calls: () => calls };
}

const caseArb = fc.record({
  timestamps: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 120 }),
  pageSize: fc.integer({ min: 1, max: 8 }),
  reading: fc.constantFrom(...BOUND_READINGS),
  initial: fc.integer({ min: 1, max: 6 }),
  fault: fc.constantFrom<Fault>('repeat-token', 'newer-events'),
  from: fc.nat({ max: 40 }),
});

describe('a range read against an API whose chains stop moving on', () => {
  it('fails with an invalid answer, never retried, instead of reading forever', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const range = { from: LOG_BASE, to: LOG_BASE + 601 };
        const valid = fakeLog(c.timestamps, { ...c.reading, pageSize: c.pageSize });
        const api = hostileApi(valid.fetchPage, c.fault, c.from);
        const read = readAllEvents({
          fetchPage: api.fetchPage,
          range,
          concurrency: { initial: c.initial, max: 6 },
        });
        const outcome = await read.then(
          (out) => ({ out }),
          (error: unknown) => ({ error }),
        );
        if (!api.faulted()) {
          expect(outcome).toEqual({ out: sequentialRead(valid.events, range) });
          return;
        }
        expect(outcome).toHaveProperty('error');
        const { error } = outcome as { error: unknown };
        expect(error).toBeInstanceOf(PagerError);
        expect((error as PagerError).kind).toBe('invalid-response');
        expect((error as PagerError).cause).toBeInstanceOf(InvalidAnswerError);
        expect(api.calls()).toBeLessThan(RUNAWAY);
      }),
      { numRuns: 200 },
    );
  });
});
