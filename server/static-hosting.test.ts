import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPace, REST_FACTOR } from './export/export-pace.ts';
import { ADMIN_TOKEN } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
  "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
const INDEX = '<!doctype html><title>Audit Log Console</title>';

let dist: string;
let server: TestServer;
let unbuilt: TestServer;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'audit-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets', 'app-3f2a1b.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'assets', 'app-3f2a1b.js.map'), '{"sources":["secret.ts"]}');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
  server = await startTestServer({ distDir: dist });
  unbuilt = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await unbuilt.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (pathname: string, init?: RequestInit) => fetch(`${server.baseURL}${pathname}`, init);

describe('static hosting', () => {
  it.each([
    '/',
    '/index.html',
    '/orgs/acme/audit-logs',
    '/orgs/acme/audit-logs?user=kim',
    '/sign-in',
  ])('%s answers index.html, revalidated on every load', async (pathname) => {
    const response = await get(pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves hashed assets as immutable and other files with revalidation', async () => {
    const asset = await get('/assets/app-3f2a1b.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expect(await icon.text()).toBe('<svg/>');
  });

  it('does not fall back to index.html for missing assets, API or console paths, or writes', async () => {
    for (const pathname of [
      '/assets/missing.js',
      '/api/nope',
      '/console/nope',
      '/avatars/nope.svg',
    ]) {
      const response = await get(pathname, { headers: { Authorization: `token ${ADMIN_TOKEN}` } });
      expect(response.status, pathname).toBe(404);
      expect(response.headers.get('content-type'), pathname).toMatch(/^application\/json/);
    }
    expect((await get('/orgs/acme', { method: 'POST' })).status).toBe(404);
  });

  it('never serves source maps', async () => {
    const response = await get('/assets/app-3f2a1b.js.map');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret.ts');
  });

  it('never serves files outside dist', async () => {
    for (const pathname of [
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const text = await (await get(pathname)).text();
      expect(text).not.toContain('"name"');
      expect(text).not.toContain('root:');
    }
  });

  it('says to run npm run build when dist is missing', async () => {
    const response = await fetch(`${unbuilt.baseURL}/orgs/acme/audit-logs`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });

  it('serves a build made after the server started, assets included', async () => {
    const late = await startTestServer({ distDir: path.join(dist, 'built-later') });
    try {
      expect((await fetch(`${late.baseURL}/`)).status).toBe(503);
      mkdirSync(path.join(dist, 'built-later', 'assets'), { recursive: true });
      writeFileSync(path.join(dist, 'built-later', 'index.html'), '<p>later</p>');
      writeFileSync(path.join(dist, 'built-later', 'assets', 'late-1.js'), 'export {};');
      expect(await (await fetch(`${late.baseURL}/`)).text()).toContain('later');
      expect((await fetch(`${late.baseURL}/assets/late-1.js`)).status).toBe(200);
    } finally {
      await late.close();
    }
  });
});

describe('security headers', () => {
  it.each([
    ['/', {}],
    ['/assets/app-3f2a1b.js', {}],
    ['/healthz', {}],
    ['/api/user', {}],
    ['/api/user', { Authorization: `token ${ADMIN_TOKEN}` }],
    ['/api/orgs/acme/auditlogs/v2/export', { Authorization: `token ${ADMIN_TOKEN}` }],
    ['/avatars/ada.svg', {}],
    ['/avatars/ada.svg', { Authorization: `token ${ADMIN_TOKEN}` }],
  ])('are on %s', async (pathname, headers) => {
    const response = await get(pathname, { headers });
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    await response.arrayBuffer();
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent only when the browser talks https to us', async () => {
    const plain = await get('/');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await get('/', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});

describe('Cache-Control on /api', () => {
  it.each([
    ['/api/user', { Authorization: `token ${ADMIN_TOKEN}` }],
    ['/api/user', {}],
    ['/api/orgs/acme/auditlogs/v2', { Authorization: `token ${ADMIN_TOKEN}` }],
    ['/api/orgs/acme/auditlogs/v2?pageSize=0', { Authorization: `token ${ADMIN_TOKEN}` }],
    ['/api/orgs/acme/auditlogs/event-types', { Authorization: `token ${ADMIN_TOKEN}` }],
    ['/api/nope', {}],
  ])('is no-store on %s', async (pathname, headers) => {
    const response = await get(pathname, { headers });
    expect(response.headers.get('cache-control')).toBe('no-store');
    await response.arrayBuffer();
  });
});

describe('GET /healthz', () => {
  it('answers ok', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });
});

describe('GET /avatars/{login}.svg', () => {
  const signedIn = { headers: { Authorization: `token ${ADMIN_TOKEN}` } };

  it('draws users and organizations for a signed-in caller, cacheable by the browser only', async () => {
    for (const [login, name] of [
      ['ada', 'Ada Admin'],
      ['acme', 'Acme Corp'],
    ]) {
      const response = await get(`/avatars/${login}.svg`, signedIn);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(response.headers.get('cache-control')).toMatch(/^private, max-age=\d+/);
      expect(await response.text()).toContain(name);
    }
  });

  it('works with the session cookie, as an <img> on the page sends it', async () => {
    const signIn = await get('/console/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.baseURL },
      body: JSON.stringify({ token: ADMIN_TOKEN }),
    });
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const response = await get('/avatars/ada.svg', { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
  });

  it('answers 401 without a session, so logins cannot be enumerated', async () => {
    for (const login of ['ada', 'nobody']) {
      const response = await get(`/avatars/${login}.svg`);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 401 });
    }
    const bad = await get('/avatars/ada.svg', { headers: { Authorization: 'token pul-nope' } });
    expect(bad.status).toBe(401);
  });

  it('answers 404 for unknown logins and other extensions', async () => {
    expect((await get('/avatars/nobody.svg', signedIn)).status).toBe(404);
    expect((await get('/avatars/ada.png', signedIn)).status).toBe(404);
  });
});

describe('exports make way for every request', () => {
  it('a static file or avatar arriving makes a streaming export rest', async () => {
    const pace = exportPace();
    try {
      const started = performance.now();
      await pace.rest(20);
      const unhindered = performance.now() - started;
      expect((await get('/favicon.svg')).status).toBe(200);
      const afterRequest = performance.now();
      await pace.rest(20);
      expect(performance.now() - afterRequest).toBeGreaterThanOrEqual(20 * REST_FACTOR - 2);
      expect(unhindered).toBeLessThan(20 * REST_FACTOR - 2);
    } finally {
      pace.finish();
    }
  });
});
