import { afterEach, describe, expect, it, vi } from 'vitest';
import { LARGEST_PAGE_SIZE } from '../../../common/pulumi/api-limits.ts';
import { ApiError } from '../api-client.ts';
import { createPageFetcher } from './fetch-audit-log-page.ts';
import { retryingFetcher } from '../../../common/pulumi/retrying-fetcher.ts';
import { classifyFailure, retryDelayMs } from '../retry-policy.ts';
import { testEvent } from '../../testing/test-pages.ts';

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    ...init,
  });

/** A 200 whose body stream breaks after a few bytes, like a connection reset mid-body. */
function resetMidBody(): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"auditLogEvents":[{"times'));
      controller.error(new TypeError('network error'));
    },
  });
  return new Response(stream, { status: 200 });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('createPageFetcher', () => {
  it('asks the V2 list for the view with the bulk page size and the session cookie', async () => {
    const fetchMock = vi.fn(async () => json({ auditLogEvents: [testEvent(1)] }));
    vi.stubGlobal('fetch', fetchMock);
    const fetchPage = createPageFetcher({
      org: 'acme',
      user: 'kim',
      event: 'stack-deleted',
      startTime: 10,
      endTime: 20,
    });
    const page = await fetchPage('tok', new AbortController().signal);
    expect(page.auditLogEvents).toHaveLength(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(
      `/api/orgs/acme/auditlogs/v2?userFilter=kim&eventFilter=stack-deleted&startTime=10&endTime=20&continuationToken=tok&pageSize=${LARGEST_PAGE_SIZE}`,
    );
    expect(init.credentials).toBe('same-origin');
  });

  it('turns a Retry-After date into a wait, capped at 60 s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T00:00:00Z'));
    const at = (seconds: number) => new Date(Date.now() + seconds * 1000).toUTCString();
    for (const [header, expected] of [
      [at(5), 5000],
      [at(600), 60_000],
      ['3', 3000],
    ] as const) {
      vi.stubGlobal('fetch', async () =>
        json({ code: 429, message: 'slow' }, { status: 429, headers: { 'Retry-After': header } }),
      );
      const error = await createPageFetcher({ org: 'acme' })(
        undefined,
        new AbortController().signal,
      ).catch((e) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(retryDelayMs(error, 0, Math.random)).toBe(expected);
    }
  });

  it('surfaces a reset mid-body as a retryable network failure and reads the page again', async () => {
    const answers = [
      resetMidBody(),
      json({ auditLogEvents: [testEvent(1)], continuationToken: null }),
    ];
    const fetchMock = vi.fn(async () => answers.shift() as Response);
    vi.stubGlobal('fetch', fetchMock);
    const failure = await createPageFetcher({ org: 'acme' })(
      undefined,
      new AbortController().signal,
    ).catch((e) => e);
    expect(classifyFailure(failure)).toBe('network');
    answers.unshift(resetMidBody());
    const page = await retryingFetcher({
      fetchPage: createPageFetcher({ org: 'acme' }),
      signal: new AbortController().signal,
      sleep: async () => {},
    })(undefined);
    expect(page.auditLogEvents).toEqual([testEvent(1)]);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('refuses a 200 that is not an audit-log page', async () => {
    vi.stubGlobal('fetch', async () => json({ items: [] }));
    const error = await createPageFetcher({ org: 'acme' })(
      undefined,
      new AbortController().signal,
    ).catch((e) => e);
    expect(classifyFailure(error)).toBe('invalid-response');
  });
});
