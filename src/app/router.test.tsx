import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppRouter } from './router.tsx';

describe('createAppRouter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('asks who is signed in as a console page opens, before that page’s code has loaded', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        asked.push(String(input));
        // Never answers: the check must have started without anything rendered or loaded.
        return new Promise<Response>(() => {});
      }),
    );
    window.history.replaceState(null, '', '/orgs/acme/audit-logs');
    const queryClient = new QueryClient();
    const router = createAppRouter(queryClient);
    await vi.waitFor(() => expect(asked).toEqual(['/api/user']));
    expect(queryClient.getQueryState(['current-user'])?.fetchStatus).toBe('fetching');
    router.dispose();
  });

  it('asks nothing on the sign-in page', async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => {}));
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', '/sign-in');
    const router = createAppRouter(new QueryClient());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetch).not.toHaveBeenCalled();
    router.dispose();
  });
});
