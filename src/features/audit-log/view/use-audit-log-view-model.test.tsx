import { InfiniteQueryObserver, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testEvent } from '../../../testing/test-pages.ts';
import { useAuditLogViewModel } from './use-audit-log-view-model.ts';

afterEach(() => vi.unstubAllGlobals());

/** A log of `pages` pages of ten events a second apart, newest first. */
function stubLog(pages: number) {
  vi.stubGlobal('fetch', async (url: string) => {
    const token = new URL(url, 'http://console').searchParams.get('continuationToken');
    const index = token ? Number(token) : 0;
    const events = Array.from({ length: 10 }, (_, i) => testEvent(1_790_000_000 - index * 10 - i));
    const next = index + 1 < pages ? String(index + 1) : undefined;
    return Response.json({ auditLogEvents: events, continuationToken: next });
  });
}

describe('useAuditLogViewModel', () => {
  it('renders the page once per change of its head, not once per page the table reads', async () => {
    stubLog(8);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/orgs/acme/audit-log?range=all']}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </MemoryRouter>
    );
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        return useAuditLogViewModel('acme');
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.status.state).toBe('ready'));
    const first = result.current.first;
    const rendersAtFirstPage = renders;

    // The table's rows observe the same query and read on, page after page.
    const rows = new InfiniteQueryObserver(client, result.current.listOptions);
    const stop = rows.subscribe(() => undefined);
    for (let page = 1; page < 8; page++) {
      await rows.fetchNextPage();
      // The cache tells its observers in a later task: let each page's notification land.
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    }
    stop();

    expect(rows.getCurrentResult().data?.pages).toHaveLength(8);
    expect(renders).toBe(rendersAtFirstPage);
    expect(result.current.first).toBe(first);
    expect(result.current.status).toEqual({ state: 'ready' });
  });
});
