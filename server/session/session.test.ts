import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, MEMBER_TOKEN, UNKNOWN_TOKEN } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS } from './session-cookie.ts';

let server: TestServer;
let clock = 1_000_000;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

function signIn(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.baseURL}/console/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.baseURL, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The `name=value` part of the session cookie a response sets. */
function sessionCookie(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('alc_session='))
    ?.split(';')[0];
}

const withCookie = (cookie: string, path = '/api/user', headers: Record<string, string> = {}) =>
  fetch(`${server.baseURL}${path}`, { headers: { Cookie: cookie, ...headers } });

describe('POST /console/session', () => {
  it('answers the current user and sets the sealed cookie with the right attributes', async () => {
    const response = await signIn({ token: `  ${ADMIN_TOKEN}\n` });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(ADMIN_TOKEN);
    expect(JSON.parse(text)).toMatchObject({
      githubLogin: 'ada',
      organizations: [{ name: 'acme' }, { name: 'hobby' }],
    });
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(
      /^alc_session=[A-Za-z0-9_-]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(cookie).not.toContain(ADMIN_TOKEN);
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const host = new URL(server.baseURL).host;
    const response = await signIn(
      { token: ADMIN_TOKEN },
      { 'X-Forwarded-Proto': 'https', Origin: `https://${host}` },
    );
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('answers 401 with Pulumi’s body and no cookie for an unknown token', async () => {
    const response = await signIn({ token: UNKNOWN_TOKEN });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: 401,
      message: 'Unauthorized: No credentials provided or are invalid.',
    });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it.each<[string, unknown, Record<string, string>, number]>([
    ['another origin', { token: ADMIN_TOKEN }, { Origin: 'http://evil.example' }, 403],
    ['no origin', { token: ADMIN_TOKEN }, { Origin: '' }, 403],
    [
      'a form post',
      `token=${ADMIN_TOKEN}`,
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      403,
    ],
    ['text/plain', { token: ADMIN_TOKEN }, { 'Content-Type': 'text/plain' }, 403],
    ['broken JSON', '{"token":', {}, 400],
    ['no token', {}, {}, 400],
    ['a number', { token: 42 }, {}, 400],
    ['a blank token', { token: '   ' }, {}, 400],
    ['a long token', { token: 'x'.repeat(513) }, {}, 400],
    ['a huge body', { token: ADMIN_TOKEN, pad: 'x'.repeat(10_000) }, {}, 413],
  ])('refuses %s', async (_name, body, headers, status) => {
    const response = await signIn(body, headers);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { code: number; message: string };
    expect(json.code).toBe(status);
    expect(JSON.stringify(json)).not.toContain(ADMIN_TOKEN);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('the session cookie on /api/*', () => {
  it('authenticates requests without an Authorization header', async () => {
    const cookie = sessionCookie(await signIn({ token: ADMIN_TOKEN }));
    expect(cookie).toBeDefined();
    const user = await withCookie(cookie ?? '');
    expect(user.status).toBe(200);
    expect(user.headers.getSetCookie()).toEqual([]);
    const logs = await withCookie(cookie ?? '', '/api/orgs/acme/auditlogs/v2?pageSize=1');
    expect(logs.status).toBe(200);
  });

  it('loses to an explicit Authorization header', async () => {
    const cookie = sessionCookie(await signIn({ token: ADMIN_TOKEN })) ?? '';
    const member = await withCookie(cookie, '/api/orgs/acme/auditlogs/v2', {
      Authorization: `token ${MEMBER_TOKEN}`,
    });
    expect(member.status).toBe(403);
    const bad = await withCookie(cookie, '/api/user', { Authorization: 'token nope' });
    expect(bad.status).toBe(401);
  });

  it('refreshes lastSeen at most every 5 minutes and expires after 8 idle hours', async () => {
    const cookie = sessionCookie(await signIn({ token: ADMIN_TOKEN })) ?? '';
    clock += 2 * 60_000;
    expect((await withCookie(cookie)).headers.getSetCookie()).toEqual([]);
    clock += 4 * 60_000;
    const refreshed = await withCookie(cookie);
    const renewed = sessionCookie(refreshed) ?? '';
    expect(renewed).not.toBe(cookie);
    expect(refreshed.headers.getSetCookie()[0]).toMatch(/Max-Age=28800/);
    clock += SESSION_IDLE_MS - 60_000;
    expect((await withCookie(renewed)).status).toBe(200); // idle time counts from the refresh
    expect((await withCookie(cookie)).status).toBe(401); // the old cookie idled out
    clock += SESSION_IDLE_MS;
    const expired = await withCookie(renewed);
    expect(expired.status).toBe(401);
    expect(expired.headers.getSetCookie()[0]).toMatch(/^alc_session=; Max-Age=0; Path=\//);
  });

  it('ends a session at its absolute lifetime however often it is refreshed', async () => {
    const started = clock;
    let cookie = sessionCookie(await signIn({ token: ADMIN_TOKEN })) ?? '';
    const refreshAt = async (offset: number) => {
      clock = started + offset;
      const response = await withCookie(cookie);
      expect(response.status).toBe(200);
      cookie = sessionCookie(response) ?? cookie;
      return response;
    };
    for (let hours = 2; hours * 60 * 60_000 < SESSION_LIFETIME_MS; hours += 2) {
      await refreshAt(hours * 60 * 60_000);
    }
    // The browser drops the cookie when the session ends, not 8 idle hours later.
    const last = await refreshAt(SESSION_LIFETIME_MS - 60 * 60_000);
    expect(last.headers.getSetCookie()[0]).toMatch(/Max-Age=3600;/);
    clock = started + SESSION_LIFETIME_MS;
    const ended = await withCookie(cookie);
    expect(ended.status).toBe(401);
    expect(ended.headers.getSetCookie()[0]).toMatch(/^alc_session=; Max-Age=0/);
  });

  it('treats a tampered cookie as no credentials and clears it', async () => {
    const cookie = sessionCookie(await signIn({ token: ADMIN_TOKEN })) ?? '';
    const tampered = `${cookie.slice(0, -4)}AAAA`;
    const response = await withCookie(tampered);
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()[0]).toMatch(/^alc_session=; Max-Age=0/);
  });
});

describe('DELETE /console/session', () => {
  it('clears the cookie for the same origin only', async () => {
    const denied = await fetch(`${server.baseURL}/console/session`, {
      method: 'DELETE',
      headers: { Origin: 'http://x' },
    });
    expect(denied.status).toBe(403);
    const response = await fetch(`${server.baseURL}/console/session`, {
      method: 'DELETE',
      headers: { Origin: server.baseURL },
    });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()[0]).toMatch(
      /^alc_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/,
    );
  });
});

describe('signing out', () => {
  const signOut = (cookie: string) =>
    fetch(`${server.baseURL}/console/session`, {
      method: 'DELETE',
      headers: { Origin: server.baseURL, Cookie: cookie },
    });

  it('ends that session for good, even for a copy of its cookie', async () => {
    const kept = sessionCookie(await signIn({ token: ADMIN_TOKEN })) ?? '';
    const other = sessionCookie(await signIn({ token: ADMIN_TOKEN })) ?? '';
    expect((await withCookie(kept)).status).toBe(200);
    expect((await signOut(kept)).status).toBe(204);
    const copy = await withCookie(kept);
    expect(copy.status).toBe(401);
    expect(copy.headers.getSetCookie()[0]).toMatch(/^alc_session=; Max-Age=0/);
    // Another sign-in of the same token is another session, and it goes on.
    expect((await withCookie(other)).status).toBe(200);
  });

  it('also refuses a copy refreshed after the cookie that signed out, for as long as it could live', async () => {
    const started = clock;
    const first = sessionCookie(await signIn({ token: ADMIN_TOKEN })) ?? '';
    clock += 6 * 60_000;
    const refreshed = sessionCookie(await withCookie(first)) ?? '';
    expect(refreshed).not.toBe(first);
    expect((await signOut(first)).status).toBe(204);
    for (const later of [SESSION_IDLE_MS + 2 * 60_000, SESSION_LIFETIME_MS - 60_000]) {
      clock = started + later;
      expect((await withCookie(refreshed)).status).toBe(401);
    }
  });
});

describe('logging', () => {
  it('never writes tokens, cookies or query strings', async () => {
    await server.get(`/api/orgs/acme/auditlogs/v2?userFilter=mel&continuationToken=${ADMIN_TOKEN}`);
    await signIn({ token: MEMBER_TOKEN });
    const logs = server.logs.join('\n');
    expect(logs).toMatch(/^POST \/console\/session 200 \d+ms$/m);
    expect(logs).toMatch(/^GET \/api\/orgs\/acme\/auditlogs\/v2 400 \d+ms$/m);
    for (const secret of [ADMIN_TOKEN, MEMBER_TOKEN, 'alc_session', '?', 'userFilter']) {
      expect(logs).not.toContain(secret);
    }
  });
});
