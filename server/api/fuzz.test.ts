/**
 * Hostile requests, generated: whatever arrives, the server never answers 5xx, every `/api` error
 * is Pulumi's `{code, message}` with the status as its code, no answer carries a token, and
 * `/api` answers are never cacheable. In-process (`app.request`), so thousands run in seconds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { ADMIN_TOKEN, MEMBER_TOKEN } from '../testing/fixtures.ts';
import {
  startTestServer,
  TEST_CURSOR_KEY,
  TEST_SESSION_KEY,
  testAvatar,
  type TestServer,
} from '../testing/test-server.ts';

const RUNS = 3000;
/** Stands for a real continuation token, known only once the server runs. */
const VALID_CONTINUATION = '@valid-continuation';
let server: TestServer;
let app: ReturnType<typeof createApp>;
let sessionCookie = '';
let validContinuation = '';
const served = { requests: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  server = await startTestServer();
  const dist = path.join(server.dataDir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(path.join(dist, 'assets', 'x.js.map'), '{}');
  app = createApp({
    backend: { kind: 'local', store: server.store, cursorKey: TEST_CURSOR_KEY },
    sessionKey: TEST_SESSION_KEY,
    renderAvatar: testAvatar,
    distDir: dist,
    log: () => {},
  });
  const signIn = await app.request('http://127.0.0.1/console/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1' },
    body: JSON.stringify({ token: ADMIN_TOKEN }),
  });
  sessionCookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const page = await server.get('/api/orgs/acme/auditlogs/v2?pageSize=2');
  validContinuation = ((await page.json()) as { continuationToken: string }).continuationToken;
});
afterAll(() => server.close());

const oddText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%00',
    '%0a',
    '%E0%A4%A',
    '..',
    '%2e%2e',
    '\\',
    '🙂',
    'a'.repeat(3000),
    '-1',
    '1e400',
    'NaN',
    '0x10',
    '9007199254740993',
  ),
);
const segment = fc.oneof(
  fc.constantFrom(
    'api',
    'orgs',
    'acme',
    'hobby',
    'nope',
    'auditlogs',
    'v2',
    'export',
    'event-types',
    'user',
    'avatars',
    'ada.svg',
    'console',
    'session',
    '',
    '..',
    '%2e%2e',
    '%2F',
    '%00',
    'assets',
    'x.map',
  ),
  oddText.map(encodeURIComponent),
);
const apiPath = fc.oneof(
  // Mostly real routes, so the generated queries and credentials reach the handlers.
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '/api/orgs/acme/auditlogs',
      '/api/orgs/acme/auditlogs/v2',
      '/api/orgs/acme/auditlogs/export',
      '/api/orgs/acme/auditlogs/v2/export',
      '/api/orgs/hobby/auditlogs/v2',
      '/api/orgs/acme/auditlogs/event-types',
      '/api/user',
      '/avatars/ada.svg',
      '/console/session',
    ),
  },
  fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => `/api/${parts.join('/')}`),
  fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
);
const queryValue = fc.oneof(
  oddText,
  fc.integer({ min: -2_000_000_000_000, max: 2_000_000_000_000 }).map(String),
  fc.constantFrom(
    'csv',
    'cef',
    'json',
    'kim',
    'ada',
    'stack-deleted',
    'user-login',
    VALID_CONTINUATION,
  ),
  fc.base64String({ maxLength: 200 }),
);
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'pageSize',
        'startTime',
        'endTime',
        'userFilter',
        'eventFilter',
        'continuationToken',
        'format',
        'x',
        'pageSize[]',
      ),
      queryValue,
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
const credentials = fc.constantFrom<Record<string, string>>(
  {},
  { Authorization: `token ${ADMIN_TOKEN}` },
  { Authorization: `token ${MEMBER_TOKEN}` },
  { Authorization: 'token pul-guess' },
  { Authorization: `Bearer ${ADMIN_TOKEN}` },
  { Authorization: `token ${'x'.repeat(5000)}` },
  { Authorization: `token ${ADMIN_TOKEN} extra` },
  { Cookie: '@session' },
  { Cookie: 'alc_session=AAAA' },
  { Cookie: `alc_session=${'A'.repeat(4000)}` },
);
const extraHeaders = fc.record(
  {
    Accept: fc.constantFrom('application/vnd.pulumi+8', '*/*', 'text/html', ''),
    'Content-Type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
    ),
    Origin: fc.constantFrom('http://127.0.0.1', 'http://evil.example', 'null'),
    'X-Forwarded-Proto': fc.constantFrom('https', 'http', 'gopher'),
  },
  { requiredKeys: [] },
);
const request = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
  path: apiPath,
  query,
  credentials,
  headers: extraHeaders,
  body: fc.oneof(fc.constant(undefined), oddText, fc.json()),
});

type GeneratedRequest = typeof request extends fc.Arbitrary<infer R> ? R : never;

function toInit({ method, credentials: creds, headers, body }: GeneratedRequest): RequestInit {
  const all: Record<string, string> = { ...headers };
  for (const [name, value] of Object.entries(creds))
    all[name] = value === '@session' ? sessionCookie : value;
  const hasBody = method !== 'GET' && method !== 'HEAD' && body !== undefined;
  return { method, headers: all, body: hasBody ? body : undefined };
}

describe('fuzzing the HTTP surface', () => {
  it(`answers ${RUNS} generated requests without a 5xx, with Pulumi-style /api errors`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (generated) => {
        const search = generated.query.replace(
          '%40valid-continuation',
          encodeURIComponent(validContinuation),
        );
        const url = `http://127.0.0.1${generated.path}${search ? `?${search}` : ''}`;
        const response = await app.request(url, toInit(generated));
        const body = Buffer.from(await response.arrayBuffer());
        served.requests++;
        served.byStatus.set(response.status, (served.byStatus.get(response.status) ?? 0) + 1);
        expect(response.status, url).toBeLessThan(500);
        expect(body.includes(ADMIN_TOKEN), url).toBe(false);
        const isApi = new URL(url).pathname.startsWith('/api');
        if (isApi) expect(response.headers.get('cache-control'), url).toBe('no-store');
        if (isApi && response.status >= 400 && generated.method !== 'HEAD') {
          expect(response.headers.get('content-type'), url).toMatch(/^application\/json/);
          expect(JSON.parse(body.toString()), url).toEqual({
            code: response.status,
            message: expect.any(String),
          });
        }
      }),
      { numRuns: RUNS },
    );
    expect(served.requests).toBe(RUNS);
    // Enough of each kind of answer that the run reached past the front door.
    for (const status of [200, 400, 401, 403, 404, 405]) {
      expect(served.byStatus.get(status) ?? 0, `status ${status}`).toBeGreaterThan(10);
    }
  });
});
