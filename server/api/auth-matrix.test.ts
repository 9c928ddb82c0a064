/**
 * Who may read what, as one table: every kind of credential against every protected route and
 * organization. The expected answer comes from a small model of the rules (401 without a valid
 * identity; then 404 unknown organization, 403 not its admin, 400 not Enterprise, 200), and every
 * refusal must be Pulumi's body with nothing of the token in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, MEMBER_TOKEN, OUTSIDER_TOKEN, UNKNOWN_TOKEN } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

type Who = 'ada' | 'mel' | 'sam' | null;

let server: TestServer;
const cookies: Record<string, string> = {};

async function signIn(token: string): Promise<string> {
  const response = await fetch(`${server.baseURL}/console/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.baseURL },
    body: JSON.stringify({ token }),
  });
  return response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
}

beforeAll(async () => {
  server = await startTestServer();
  cookies.ada = await signIn(ADMIN_TOKEN);
  cookies.mel = await signIn(MEMBER_TOKEN);
  cookies.signedOut = await signIn(ADMIN_TOKEN);
  await fetch(`${server.baseURL}/console/session`, {
    method: 'DELETE',
    headers: { Origin: server.baseURL, Cookie: cookies.signedOut },
  });
});
afterAll(() => server.close());

/** Each credential, and whose identity the server should see in it. */
const CREDENTIALS: Array<[string, () => Record<string, string>, Who]> = [
  ['nothing', () => ({}), null],
  ['admin token', () => ({ Authorization: `token ${ADMIN_TOKEN}` }), 'ada'],
  ['admin token, scheme in capitals', () => ({ Authorization: `TOKEN ${ADMIN_TOKEN}` }), 'ada'],
  ['member token', () => ({ Authorization: `token ${MEMBER_TOKEN}` }), 'mel'],
  ['outsider token', () => ({ Authorization: `token ${OUTSIDER_TOKEN}` }), 'sam'],
  ['unknown token', () => ({ Authorization: `token ${UNKNOWN_TOKEN}` }), null],
  ['Bearer scheme', () => ({ Authorization: `Bearer ${ADMIN_TOKEN}` }), null],
  ['token and junk', () => ({ Authorization: `token ${ADMIN_TOKEN} x` }), null],
  ['admin prefix only', () => ({ Authorization: `token ${ADMIN_TOKEN.slice(0, 20)}` }), null],
  ['admin session', () => ({ Cookie: cookies.ada ?? '' }), 'ada'],
  ['member session', () => ({ Cookie: cookies.mel ?? '' }), 'mel'],
  ['signed-out session', () => ({ Cookie: cookies.signedOut ?? '' }), null],
  ['tampered session', () => ({ Cookie: `${cookies.ada?.slice(0, -3)}AAA` }), null],
  [
    'forged session',
    () => ({ Cookie: `alc_session=${Buffer.from(ADMIN_TOKEN).toString('base64url')}` }),
    null,
  ],
  [
    'admin session with a bad header',
    () => ({ Cookie: cookies.ada ?? '', Authorization: `token ${UNKNOWN_TOKEN}` }),
    null,
  ],
  [
    'member session with the admin header',
    () => ({ Cookie: cookies.mel ?? '', Authorization: `token ${ADMIN_TOKEN}` }),
    'ada',
  ],
];
const AUDIT_ROUTES = [
  '/auditlogs?startTime=2000000000',
  '/auditlogs/v2',
  '/auditlogs/export?startTime=2000000000',
  '/auditlogs/v2/export',
  '/auditlogs/event-types',
];
const ORGS = ['acme', 'hobby', 'nope'];
const ADMINS: Record<string, Who[]> = { acme: ['ada'], hobby: ['ada'] };

function expectedStatus(who: Who, org: string): number {
  if (who === null) return 401;
  if (!(org in ADMINS)) return 404;
  if (!ADMINS[org]?.includes(who)) return 403;
  return org === 'hobby' ? 400 : 200;
}

const cases = CREDENTIALS.flatMap(([name, headers, who]) => [
  ...ORGS.flatMap((org) =>
    AUDIT_ROUTES.map((route) => ({
      name,
      headers,
      path: `/api/orgs/${org}${route}`,
      status: expectedStatus(who, org),
    })),
  ),
  { name, headers, path: '/api/user', status: who ? 200 : 401 },
  { name, headers, path: '/avatars/ada.svg', status: who ? 200 : 401 },
]);

describe('the auth matrix', () => {
  it.each(cases)('$name on $path → $status', async ({ headers, path, status }) => {
    const response = await fetch(`${server.baseURL}${path}`, { headers: headers() });
    const text = await response.text();
    expect(response.status).toBe(status);
    for (const secret of [ADMIN_TOKEN, MEMBER_TOKEN, OUTSIDER_TOKEN, UNKNOWN_TOKEN]) {
      expect(text).not.toContain(secret);
    }
    if (status >= 400) {
      expect(JSON.parse(text)).toEqual({ code: status, message: expect.any(String) });
    }
    // A refused cookie is cleared; nothing else ever sets one on these routes.
    for (const cookie of response.headers.getSetCookie()) {
      expect(cookie).toMatch(/^alc_session=; Max-Age=0/);
    }
  });
});
