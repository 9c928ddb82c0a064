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

/** Who is signed in: kim. */
const signedIn = () => Response.json({ githubLogin: 'kim', organizations: [] });

/** The list requests among `asked`, as URLs. */
const listRequests = (asked: string[]) =>
  asked
    .map((address) => new URL(address, 'http://console'))
    .filter((address) => address.pathname === '/api/orgs/acme/auditlogs/v2');

/** A lost session's answer. */
const unauthorized = () => Response.json({ code: 401, message: 'Unauthorized' }, { status: 401 });

/** How the session check and the first page answer, when not at once. */
interface Answers {
  user?: 'never' | 'unauthorized';
  list?: 'never' | 'unauthorized' | 'forbidden' | 'failing-once';
  /** The first page answers this late: after the service and the kept index have. */
  listAfterMs?: number;
  /** Which service answers, this late. */
  configAfterMs?: number;
}

/**
 * Opens the log page against a service that says it is `service`, with one event, and an index
 * worker that keeps nothing: returns what the worker was told.
 */
function openLogServedBy(
  service: 'embedded' | 'pulumi-cloud',
  answers: Answers = {},
  queryClient = new QueryClient(),
) {
  const endTime = 1_800_000_000;
  let failedOnce = false;
  const asked = recordFetch(async (address) => {
    if (address === '/api/user') {
      if (answers.user === 'never') return never();
      return answers.user === 'unauthorized' ? unauthorized() : signedIn();
    }
    if (address === '/console/config') {
      await new Promise((resolve) => setTimeout(resolve, answers.configAfterMs ?? 0));
      return Response.json({ service });
    }
    if (address.startsWith('/api/orgs/acme/auditlogs/v2?')) {
      if (answers.list === 'never') return never();
      await new Promise((resolve) => setTimeout(resolve, answers.listAfterMs ?? 0));
      if (answers.list === 'unauthorized') return unauthorized();
      if (answers.list === 'failing-once' && !failedOnce) {
        failedOnce = true;
        return Response.json({ code: 500, message: 'Internal' }, { status: 500 });
      }
      if (answers.list === 'forbidden') {
        return Response.json({ code: 403, message: 'Forbidden' }, { status: 403 });
      }
      const event = {
        timestamp: endTime - 5,
        event: 'stack-updated',
        user: { githubLogin: 'kim' },
      };
      return Response.json({ auditLogEvents: [event] });
    }
    return never();
  });
  const told: { type: string }[] = [];
  vi.stubGlobal(
    'Worker',
    class {
      private listener?: (event: { data: unknown }) => void;
      postMessage = (message: { type: string }) => {
        told.push(message);
        const empty = { events: 0, oldest: undefined, newest: undefined };
        if (message.type === 'restore')
          queueMicrotask(() => this.listener?.({ data: { type: 'restored', progress: empty } }));
      };
      addEventListener(type: string, listener: (event: { data: unknown }) => void) {
        if (type === 'message') this.listener = listener;
      }
      terminate() {}
    },
  );
  window.history.replaceState(null, '', '/orgs/acme/audit-logs');
  return { asked, told, router: createAppRouter(queryClient) };
}

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
    await vi.waitFor(() => expect(asked[0]).toBe('/api/user'));
    expect(queryClient.getQueryState(['current-user'])?.fetchStatus).toBe('fetching');
    // The view's own requests follow; they are asked here, not in the next test.
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    router.dispose();
  });

  it('asks for the view’s first page alongside the session check, before the page has rendered', async () => {
    // The session check never answers: the first page must not wait for it.
    const asked = recordFetch(never);
    window.history.replaceState(null, '', '/orgs/acme/audit-logs?q=user%3Akim&range=7d');
    const router = createAppRouter(new QueryClient());
    await vi.waitFor(() => expect(listRequests(asked)).toHaveLength(1));
    const [list] = listRequests(asked) as [URL];
    expect(list.searchParams.get('userFilter')).toBe('kim');
    expect(Number(list.searchParams.get('startTime'))).toBeGreaterThan(0);
    router.dispose();
  });

  it('asks which service answers alongside the session check and the first page, so the range read need not wait for them', async () => {
    const asked = recordFetch(never);
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

  it('starts the range index on what this browser kept, and on the embedded service reads the range alongside the first page, waiting neither for its answer nor for the session check', async () => {
    const { asked, told, router } = openLogServedBy('embedded', { user: 'never', list: 'never' });
    await vi.waitFor(() => expect(told.map((m) => m.type)).toEqual(['restore', 'load']));
    // The range the page shows: from the beginning to the end the first page was asked with.
    const [list] = listRequests(asked) as [URL];
    expect(told[1]).toMatchObject({
      type: 'load',
      query: { org: 'acme', startTime: 0, endTime: Number(list.searchParams.get('endTime')) },
    });
    router.dispose();
  });

  it('leaves reading the range to the page on Pulumi Cloud, where its cost decides', async () => {
    const { told, router } = openLogServedBy('pulumi-cloud');
    await vi.waitFor(() => expect(told.map((m) => m.type)).toEqual(['restore']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(told.map((m) => m.type)).toEqual(['restore']);
    router.dispose();
  });

  it('ends the read when the first page is refused (a member, not an admin)', async () => {
    const { asked, told, router } = openLogServedBy('embedded', {
      list: 'forbidden',
      listAfterMs: 30,
    });
    await vi.waitFor(() => expect(told.map((m) => m.type)).toEqual(['restore', 'load', 'stop']));
    expect(listRequests(asked)).toHaveLength(1);
    router.dispose();
  });

  it('keeps reading the range while the page retries a first page that failed once', async () => {
    const { asked, told, router } = openLogServedBy(
      'embedded',
      { list: 'failing-once', listAfterMs: 30 },
      new QueryClient({ defaultOptions: { queries: { retry: 1, retryDelay: 10 } } }),
    );
    await vi.waitFor(() => expect(listRequests(asked)).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(told.map((m) => m.type)).toEqual(['restore', 'load']);
    router.dispose();
  });

  it('reads no range when the first page is refused before the service has answered', async () => {
    const { asked, told, router } = openLogServedBy('embedded', {
      list: 'forbidden',
      configAfterMs: 60,
    });
    await vi.waitFor(() => expect(listRequests(asked)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(told.map((m) => m.type)).toEqual(['restore']);
    router.dispose();
  });

  it('asks for the first page once when the session is lost, and leaves no read running', async () => {
    const { asked, told, router } = openLogServedBy('embedded', {
      user: 'unauthorized',
      list: 'unauthorized',
      listAfterMs: 30,
    });
    await vi.waitFor(() => expect(asked).toContain('/api/user'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(listRequests(asked)).toHaveLength(1);
    expect(told.map((m) => m.type)).toEqual(['restore', 'load', 'stop']);
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
