import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testEvent } from '../../../testing/test-pages.ts';
import { searchQueries } from './search-queries.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('searchQueries.logStart', () => {
  it('probes the unfiltered V2 list with an end time alone and one event a page', async () => {
    const now = 1_790_000_000;
    vi.useFakeTimers({ toFake: ['Date'], now: now * 1000 });
    const first = now - 200_000;
    const fetchMock = vi.fn(async (url: string) => {
      const endTime = Number(new URL(url, 'http://console').searchParams.get('endTime'));
      const body =
        endTime > first
          ? { auditLogEvents: [testEvent(endTime - 1)], continuationToken: 'next' }
          : { auditLogEvents: [] };
      return new Response(JSON.stringify(body), {
        headers: { 'Content-Type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetchMock);

    const start = await new QueryClient().fetchQuery(searchQueries.logStart('acme'));

    expect(Math.abs(now - start! - 200_000)).toBeLessThanOrEqual(0.05 * 200_000);
    for (const [url] of fetchMock.mock.calls) {
      const params = new URL(url, 'http://console').searchParams;
      expect(new URL(url, 'http://console').pathname).toBe('/api/orgs/acme/auditlogs/v2');
      expect([...params.keys()].sort()).toEqual(['endTime', 'pageSize']);
      expect(params.get('pageSize')).toBe('1');
    }
  });
});
