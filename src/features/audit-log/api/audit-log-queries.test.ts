import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLogQueries } from './audit-log-queries.ts';

const T0 = 1_800_000_000;

function event(timestamp: number) {
  return { timestamp, event: 'user-login', user: { githubLogin: 'kim' } };
}

/** A fake V2 list of two pages; records the query of every request. */
function stubList() {
  const asked: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const params = new URL(url, 'http://localhost').searchParams;
      asked.push(params);
      const first = !params.has('continuationToken');
      const body = first
        ? { auditLogEvents: [event(T0)], continuationToken: 'next' }
        : { auditLogEvents: [event(T0 - 60)] };
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  );
  return asked;
}

/** Loads the first page, then the next at a later time, as the table does while scrolling. */
async function loadTwoPages(client: QueryClient, options: ReturnType<typeof auditLogQueries.list>) {
  const observer = new InfiniteQueryObserver(client, options);
  await observer.refetch();
  vi.setSystemTime(Date.now() + 90_000);
  await observer.fetchNextPage();
}

const bounds = (params: URLSearchParams) => [params.get('startTime'), params.get('endTime')];

describe('auditLogQueries.list', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 * 1000);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('resolves the bounds once, with an end for an open view, and asks every page with them', async () => {
    const asked = stubList();
    const client = new QueryClient();
    const options = auditLogQueries.list('acme', { range: '1h' });
    await loadTwoPages(client, options);

    expect(asked.map(bounds)).toEqual([
      [String(T0 - 3600), String(T0 + 1)],
      [String(T0 - 3600), String(T0 + 1)],
    ]);
    const data = client.getQueryData(options.queryKey);
    expect(data?.pages.map((page) => page.snapshot.asOf)).toEqual([T0, T0]);
  });

  it('starts over with fresh bounds on every page after a reset', async () => {
    const asked = stubList();
    const client = new QueryClient();
    const options = auditLogQueries.list('acme', {});
    await loadTwoPages(client, options);
    await client.resetQueries({ queryKey: options.queryKey, exact: true });
    await loadTwoPages(client, options);

    expect(asked.map((params) => params.get('endTime'))).toEqual([
      String(T0 + 1),
      String(T0 + 1),
      String(T0 + 91),
      String(T0 + 91),
    ]);
    expect(asked.map((params) => params.has('continuationToken'))).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });
});
