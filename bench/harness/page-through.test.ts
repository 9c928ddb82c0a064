import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../../src/lib/api-client.ts';
import { PagerError, type PagerOptions } from '../../common/pulumi/retrying-fetcher.ts';
import { InvalidAnswerError } from '../../common/pulumi/invalid-answer.ts';
import {
  scriptedFetcher,
  testEvent,
  testPages,
  type Outcome,
} from '../../src/testing/test-pages.ts';
import { AuditLogPageError } from '../../common/pulumi/audit-log-page.ts';
import { pageThrough } from './page-through.ts';

function run(pages = testPages(3, 4), failures: Outcome[] = [], extra: Partial<PagerOptions> = {}) {
  const { fetchPage, calls } = scriptedFetcher(pages, failures);
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);
  const collect = async () => {
    const timestamps: number[] = [];
    for await (const page of pageThrough({
      fetchPage,
      signal: new AbortController().signal,
      sleep,
      random: () => 0.5,
      ...extra,
    })) {
      timestamps.push(...page.events.map((e) => e.timestamp));
    }
    return timestamps;
  };
  return { calls, sleeps, collect };
}

const allTimestamps = (pages = testPages(3, 4)) =>
  pages.flatMap((p) => p.auditLogEvents.map((e) => e.timestamp));
const fail = (error: unknown): Outcome => ({ error });

describe('pageThrough', () => {
  it('reads every page once, in order, following the tokens', async () => {
    const { calls, collect } = run();
    expect(await collect()).toEqual(allTimestamps());
    expect(calls).toEqual([undefined, 't1', 't2']);
  });

  it.each([
    ['omitted', undefined],
    ['empty', ''],
    ['null', null],
  ])('stops when the last token is %s', async (_name, token) => {
    const pages = testPages(1, 2).map((p) => ({ ...p, continuationToken: token }));
    const { calls, collect } = run(pages);
    expect(await collect()).toHaveLength(2);
    expect(calls).toEqual([undefined]);
  });

  it('waits for Retry-After seconds on a 429, then asks for the same page', async () => {
    const { calls, sleeps, collect } = run(testPages(3, 4), [
      'ok',
      fail(new ApiError(429, 'slow', 7)),
    ]);
    expect(await collect()).toEqual(allTimestamps());
    expect(sleeps).toEqual([7000]);
    expect(calls).toEqual([undefined, 't1', 't1', 't2']);
  });

  it('caps Retry-After at 60 seconds', async () => {
    const { sleeps, collect } = run(testPages(3, 4), [fail(new ApiError(429, 'slow', 3600))]);
    await collect();
    expect(sleeps).toEqual([60_000]);
  });

  it('backs off exponentially with jitter on 5xx, within [d/2, d]', async () => {
    const failures = [
      fail(new ApiError(500, 'x')),
      fail(new ApiError(502, 'x')),
      fail(new ApiError(503, 'x')),
    ];
    for (const [random, expected] of [
      [0, [250, 500, 1000]],
      [1, [500, 1000, 2000]],
    ] as const) {
      const { sleeps, collect } = run(testPages(3, 4), [...failures], { random: () => random });
      expect(await collect()).toEqual(allTimestamps());
      expect(sleeps).toEqual(expected);
    }
  });

  it.each([
    ['a network error', new NetworkError()],
    ['a 503', new ApiError(503, 'x')],
    ['a 408', new ApiError(408, 'x')],
  ])('retries the same page after %s', async (_name, error) => {
    const { calls, collect } = run(testPages(3, 4), ['ok', 'ok', fail(error)]);
    expect(await collect()).toEqual(allTimestamps());
    expect(calls).toEqual([undefined, 't1', 't2', 't2']);
  });

  it('stops at once on 401, keeping what was read', async () => {
    const { calls, collect } = run(testPages(3, 4), [
      'ok',
      fail(new ApiError(401, 'Unauthorized')),
    ]);
    const error = await collect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagerError);
    expect(error).toMatchObject({ kind: 'unauthorized', exhausted: false, resumeToken: 't1' });
    expect(calls).toEqual([undefined, 't1']);
  });

  it('does not retry a malformed page', async () => {
    const { calls, collect } = run(testPages(3, 4), [fail(new AuditLogPageError('bad'))]);
    await expect(collect()).rejects.toMatchObject({ kind: 'invalid-response', exhausted: false });
    expect(calls).toEqual([undefined]);
  });

  it('gives up after maxRetries consecutive failures and says where to resume', async () => {
    const failures: Outcome[] = [
      'ok',
      ...Array.from({ length: 4 }, () => fail(new ApiError(500, 'down'))),
    ];
    const delivered: number[] = [];
    const { fetchPage, calls } = scriptedFetcher(testPages(3, 4), failures);
    const pager = pageThrough({
      fetchPage,
      signal: new AbortController().signal,
      maxRetries: 3,
      sleep: async () => {},
    });
    const error = await (async () => {
      for await (const page of pager) delivered.push(page.index);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'server', exhausted: true, resumeToken: 't1' });
    expect(delivered).toEqual([0]);
    expect(calls).toEqual([undefined, 't1', 't1', 't1', 't1']);
  });

  it('resets the retry budget after a success', async () => {
    const down = () => fail(new ApiError(503, 'down'));
    const { collect } = run(testPages(3, 4), [down(), down(), 'ok', down(), down(), 'ok'], {
      maxRetries: 2,
    });
    expect(await collect()).toEqual(allTimestamps());
  });

  it('resumes from a token', async () => {
    const { calls, collect } = run(testPages(3, 4), [], { startToken: 't2' });
    expect(await collect()).toEqual(allTimestamps().slice(8));
    expect(calls).toEqual(['t2']);
  });

  it('reports each retry before waiting', async () => {
    const onRetry = vi.fn();
    const { collect } = run(testPages(2, 1), [fail(new ApiError(429, 'slow', 2))], { onRetry });
    await collect();
    expect(onRetry).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'rate-limited', attempt: 1, delayMs: 2000 }),
    );
  });

  it('rejects with an AbortError when cancelled during a wait, without asking again', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const { fetchPage, calls } = scriptedFetcher(testPages(2, 1), [
        fail(new ApiError(429, 'slow', 30)),
      ]);
      const pager = pageThrough({ fetchPage, signal: controller.signal });
      const first = pager.next();
      await vi.advanceTimersByTimeAsync(1000);
      controller.abort();
      await expect(first).rejects.toMatchObject({ name: 'AbortError' });
      expect(calls).toEqual([undefined]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('loses and repeats nothing under many random faults', async () => {
    const pages = testPages(40, 25);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const errors = [new ApiError(429, 'slow', 1), new ApiError(500, 'x'), new NetworkError()];
    const failures: Outcome[] = Array.from({ length: 400 }, () =>
      random() < 0.3 ? fail(errors[Math.floor(random() * errors.length)]) : 'ok',
    );
    const { collect } = run(pages, failures, { maxRetries: 20 });
    expect(await collect()).toEqual(allTimestamps(pages));
  });
});

/** Far more requests than any read here needs: past it, the pager is looping. */
const RUNAWAY = 2000;
/** Newer than every event of the pages here. */
const FUTURE = 1_800_000_000;

describe('the pager against an API whose chain stops moving on', () => {
  const collect = async (fetchPage: Parameters<typeof pageThrough>[0]['fetchPage']) => {
    for await (const page of pageThrough({
      fetchPage,
      signal: new AbortController().signal,
      sleep: async () => {},
    })) {
      void page;
    }
  };

  it.each([
    [
      'repeats a token',
      (pages: ReturnType<typeof testPages>) => (pages[2]!.continuationToken = 't1'),
    ],
    [
      'goes back in time',
      (pages: ReturnType<typeof testPages>) => (pages[2]!.auditLogEvents[0] = testEvent(FUTURE)),
    ],
  ])('refuses a page that %s, without retrying it', async (_name, spoil) => {
    const pages = testPages(5, 3);
    spoil(pages);
    const { fetchPage, calls } = scriptedFetcher(pages);
    const capped: typeof fetchPage = (token, signal) => {
      if (calls.length >= RUNAWAY) throw new Error('runaway: the pager never stopped');
      return fetchPage(token, signal);
    };
    const error = await collect(capped).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagerError);
    expect((error as PagerError).kind).toBe('invalid-response');
    expect((error as PagerError).cause).toBeInstanceOf(InvalidAnswerError);
    expect((error as PagerError).message).toMatch(/^Unexpected answer from the API: /);
    expect(calls).toEqual([undefined, 't1', 't2']);
  });
});
