import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLogQueries, MAX_PAGES } from './audit-log-queries.ts';

const T0 = 1_800_000_000;

function event(timestamp: number) {
  return { timestamp, event: 'user-login', user: { githubLogin: 'kim' } };
}

/** Stubs fetch with a fake V2 list answering `answer(query)`; records the query of every request. */
function stubFetch(answer: (params: URLSearchParams) => unknown) {
  const asked: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const params = new URL(url, 'http://localhost').searchParams;
      asked.push(params);
      return new Response(JSON.stringify(answer(params)), { status: 200 });
    }),
  );
  return asked;
}

/** A fake V2 list of two pages. */
function stubList() {
  return stubFetch((params) =>
    params.has('continuationToken')
      ? { auditLogEvents: [event(T0 - 60)] }
      : { auditLogEvents: [event(T0)], continuationToken: 'next' },
  );
}

/** Loads the first page, then the next at a later time, as the table does while scrolling. */
async function loadTwoPages(client: QueryClient, options: ReturnType<typeof auditLogQueries.list>) {
  const observer = new InfiniteQueryObserver(client, options);
  await observer.refetch();
  vi.setSystemTime(Date.now() + 90_000);
  await observer.fetchNextPage();
}

/** A fake V2 list of `count` pages of two events, page n+1 behind token `p{n+1}`. */
function stubLongList(count: number) {
  return stubFetch((params) => {
    const n = Number(params.get('continuationToken')?.slice(1) ?? 0);
    return {
      auditLogEvents: [event(T0 - 2 * n), event(T0 - 2 * n - 1)],
      continuationToken: n + 1 < count ? `p${n + 1}` : undefined,
    };
  });
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

describe('auditLogQueries.list in a long session', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a window of pages, and fetches a dropped page again with its token and bounds', async () => {
    const asked = stubLongList(MAX_PAGES + 5);
    const client = new QueryClient();
    const options = auditLogQueries.list('acme', { range: '7d' });
    const observer = new InfiniteQueryObserver(client, options);
    await observer.refetch();
    for (let i = 0; i < MAX_PAGES + 1; i++) await observer.fetchNextPage();

    let data = client.getQueryData(options.queryKey)!;
    expect(data.pages).toHaveLength(MAX_PAGES);
    expect(data.pages.map((page) => page.param.rowOffset)).toEqual(
      Array.from({ length: MAX_PAGES }, (_, i) => 2 * (i + 2)),
    );
    expect(observer.getCurrentResult().hasPreviousPage).toBe(true);

    await observer.fetchPreviousPage();
    data = client.getQueryData(options.queryKey)!;
    expect(data.pages[0]?.param.rowOffset).toBe(2);
    expect(data.pages[0]?.events.map((e) => e.timestamp)).toEqual([T0 - 2, T0 - 3]);
    const again = asked.at(-1)!;
    expect(again.get('continuationToken')).toBe('p1');
    expect(bounds(again)).toEqual(bounds(asked[0]!));

    await observer.fetchPreviousPage();
    expect(asked.at(-1)!.has('continuationToken')).toBe(false);
    expect(bounds(asked.at(-1)!)).toEqual(bounds(asked[0]!));
    expect(observer.getCurrentResult().hasPreviousPage).toBe(false);
  });

  it('shares each answer page by page: no page is compared field by field as pages move', async () => {
    stubLongList(MAX_PAGES + 5);
    const client = new QueryClient();
    const options = auditLogQueries.list('acme', { range: '7d' });
    const observer = new InfiniteQueryObserver(client, options);
    await observer.refetch();
    for (let i = 0; i < MAX_PAGES - 1; i++) await observer.fetchNextPage();
    // From here each page moves every other one down a place; reading a kept page's events
    // would mean comparing pages deeply (the last one's are read for the next page's offset).
    let reads = 0;
    for (const page of client.getQueryData(options.queryKey)!.pages.slice(0, -1)) {
      const { events } = page;
      Object.defineProperty(page, 'events', {
        get: () => {
          reads += 1;
          return events;
        },
      });
    }
    await observer.fetchNextPage();
    await observer.fetchNextPage();
    expect(client.getQueryData(options.queryKey)!.pages).toHaveLength(MAX_PAGES);
    expect(reads).toBe(0);
  });
});
