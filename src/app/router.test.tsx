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

  it('asks for the view’s first page once the session is known, before the page has rendered', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        const address = String(input);
        asked.push(address);
        if (address === '/api/user') {
          return Promise.resolve(Response.json({ githubLogin: 'kim', organizations: [] }));
        }
        return new Promise<Response>(() => {});
      }),
    );
    window.history.replaceState(null, '', '/orgs/acme/audit-logs?q=user%3Akim&range=7d');
    const router = createAppRouter(new QueryClient());
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    const list = new URL(asked[1]!, 'http://console');
    expect(list.pathname).toBe('/api/orgs/acme/auditlogs/v2');
    expect(list.searchParams.get('userFilter')).toBe('kim');
    expect(Number(list.searchParams.get('startTime'))).toBeGreaterThan(0);
    router.dispose();
  });

  it('asks for no page when the session is lost: one request, then sign-in', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((input: RequestInfo | URL) => {
        asked.push(String(input));
        return Promise.resolve(
          Response.json({ code: 401, message: 'Unauthorized' }, { status: 401 }),
        );
      }),
    );
    window.history.replaceState(null, '', '/orgs/acme/audit-logs');
    const router = createAppRouter(new QueryClient());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual(['/api/user']);
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
