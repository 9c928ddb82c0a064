import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppRouter } from './router.tsx';

/** Stubs fetch with `answer` (by address) and returns the addresses asked, in order. */
function recordFetch(answer: (address: string) => Promise<Response>): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      asked.push(String(input));
      return answer(String(input));
    }),
  );
  return asked;
}

/** An answer that never comes. */
const never = () => new Promise<Response>(() => {});

describe('createAppRouter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('asks who is signed in as a console page opens, before that page’s code has loaded', async () => {
    // Never answers: the check must have started without anything rendered or loaded.
    const asked = recordFetch(never);
    window.history.replaceState(null, '', '/orgs/acme/audit-logs');
    const queryClient = new QueryClient();
    const router = createAppRouter(queryClient);
    await vi.waitFor(() => expect(asked).toEqual(['/api/user']));
    expect(queryClient.getQueryState(['current-user'])?.fetchStatus).toBe('fetching');
    router.dispose();
  });

  it('asks for the view’s first page once the session is known, before the page has rendered', async () => {
    const asked = recordFetch((address) =>
      address === '/api/user'
        ? Promise.resolve(Response.json({ githubLogin: 'kim', organizations: [] }))
        : never(),
    );
    window.history.replaceState(null, '', '/orgs/acme/audit-logs?q=user%3Akim&range=7d');
    const router = createAppRouter(new QueryClient());
    const lists = () =>
      asked
        .map((address) => new URL(address, 'http://console'))
        .filter((address) => address.pathname === '/api/orgs/acme/auditlogs/v2');
    await vi.waitFor(() => expect(lists()).toHaveLength(1));
    const [list] = lists() as [URL];
    expect(list.searchParams.get('userFilter')).toBe('kim');
    expect(Number(list.searchParams.get('startTime'))).toBeGreaterThan(0);
    router.dispose();
  });

  it('asks which service answers alongside the first page, so the range read need not wait for it', async () => {
    const asked = recordFetch((address) =>
      address === '/api/user'
        ? Promise.resolve(Response.json({ githubLogin: 'kim', organizations: [] }))
        : never(),
    );
    window.history.replaceState(null, '', '/orgs/acme/audit-logs');
    const router = createAppRouter(new QueryClient());
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[0]).toBe('/api/user');
    expect(
      asked
        .slice(1)
        .map((address) => new URL(address, 'http://console').pathname)
        .sort(),
    ).toEqual(['/api/orgs/acme/auditlogs/v2', '/console/config']);
    router.dispose();
  });

  it('starts the range index on what this browser kept once the session is known', async () => {
    recordFetch((address) =>
      address === '/api/user'
        ? Promise.resolve(Response.json({ githubLogin: 'kim', organizations: [] }))
        : never(),
    );
    const told: unknown[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        postMessage = (message: unknown) => told.push(message);
        addEventListener() {}
        terminate() {}
      },
    );
    window.history.replaceState(null, '', '/orgs/acme/audit-logs');
    const router = createAppRouter(new QueryClient());
    await vi.waitFor(() => expect(told).toEqual([{ type: 'restore', org: 'acme' }]));
    router.dispose();
  });

  it('asks for no page when the session is lost: one request, then sign-in', async () => {
    const asked = recordFetch(() =>
      Promise.resolve(Response.json({ code: 401, message: 'Unauthorized' }, { status: 401 })),
    );
    window.history.replaceState(null, '', '/orgs/acme/audit-logs');
    const router = createAppRouter(new QueryClient());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual(['/api/user']);
    router.dispose();
  });

  it('asks nothing on the sign-in page', async () => {
    const asked = recordFetch(never);
    window.history.replaceState(null, '', '/sign-in');
    const router = createAppRouter(new QueryClient());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual([]);
    router.dispose();
  });
});
