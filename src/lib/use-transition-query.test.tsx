import { keepPreviousData, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useTransitionQuery } from './use-transition-query.ts';

function withClient(client = new QueryClient()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

describe('useTransitionQuery', () => {
  it('fetches and renders the answer', async () => {
    const { wrapper } = withClient();
    const { result } = renderHook(
      () => useTransitionQuery({ queryKey: ['n', 1], queryFn: async () => 41 + 1 }),
      { wrapper },
    );
    expect(result.current.data).toBeUndefined();
    await waitFor(() => expect(result.current.data).toBe(42));
  });

  it('answers from the cache the query shares with useQuery', () => {
    const { client, wrapper } = withClient();
    client.setQueryData(['n', 2], 'kept');
    const { result } = renderHook(
      () =>
        useTransitionQuery({ queryKey: ['n', 2], queryFn: async () => 'fresh', staleTime: 1e9 }),
      { wrapper },
    );
    expect(result.current.data).toBe('kept');
  });

  it('follows a new key, keeping the last answer while the next is asked', async () => {
    const { wrapper } = withClient();
    let release: (value: string) => void = () => undefined;
    const { result, rerender } = renderHook(
      ({ key }) =>
        useTransitionQuery({
          queryKey: ['k', key],
          queryFn: () =>
            key === 1 ? Promise.resolve('one') : new Promise<string>((r) => (release = r)),
          placeholderData: keepPreviousData,
        }),
      { wrapper, initialProps: { key: 1 } },
    );
    await waitFor(() => expect(result.current.data).toBe('one'));
    rerender({ key: 2 });
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(true));
    expect(result.current.data).toBe('one');
    release('two');
    await waitFor(() => expect(result.current.data).toBe('two'));
  });

  it('leaves no observer behind when unmounted', async () => {
    const { client, wrapper } = withClient();
    const { unmount, result } = renderHook(
      () => useTransitionQuery({ queryKey: ['n', 3], queryFn: async () => 3 }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toBe(3));
    unmount();
    expect(
      client
        .getQueryCache()
        .find({ queryKey: ['n', 3] })
        ?.getObserversCount(),
    ).toBe(0);
  });
});
