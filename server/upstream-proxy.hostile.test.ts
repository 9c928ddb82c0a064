import http from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startMisbehavingUpstream,
  type MisbehavingUpstream,
} from './testing/misbehaving-upstream.ts';
import { closeServer, createProxyApp, listenOnFreePort } from './testing/test-server.ts';

const TOKEN = `pul-${'e'.repeat(40)}`;
const auth = { Authorization: `token ${TOKEN}` };

let upstream: MisbehavingUpstream;
let proxy: { server: Server; port: number };
let proxyURL: string;

beforeAll(async () => {
  upstream = await startMisbehavingUpstream();
  const app = createProxyApp(upstream.url, {
    backend: { kind: 'proxy', upstreamUrl: upstream.url, timeoutMs: 300 },
  });
  proxy = await listenOnFreePort(app);
  proxyURL = `http://127.0.0.1:${proxy.port}`;
});
afterAll(async () => {
  await closeServer(proxy.server);
  await upstream.close();
});

/** A request with headers fetch would not send as given (a length on a GET). */
function rawRequest(path: string, headers: Record<string, string>, body = '') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(`${proxyURL}${path}`, { method: 'GET', headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function expectPulumiError(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { code: number; message: string };
  expect(body).toEqual({ code: status, message: expect.any(String) });
}

describe('proxy against a misbehaving upstream', () => {
  it('never forwards a length without a body, so the next request on the connection is intact', async () => {
    upstream.seen.length = 0;
    const attack = await rawRequest(
      '/api/user',
      { ...auth, 'Content-Length': '40' },
      'x'.repeat(40),
    );
    expect(attack.status).toBe(200);
    const chunked = await rawRequest('/api/user', { ...auth, 'Transfer-Encoding': 'chunked' });
    expect(chunked.status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const next = await fetch(`${proxyURL}/api/user`, { headers: auth });
      expect(next.status).toBe(200);
      expect(await next.json()).toMatchObject({ githubLogin: 'kim' });
    }
    for (const request of upstream.seen.filter((r) => r.method === 'GET')) {
      expect(request.headers).not.toHaveProperty('content-length');
      expect(request.headers).not.toHaveProperty('transfer-encoding');
      expect(request.bodyBytes).toBe(0);
    }
  });

  it('forwards a body with its exact length', async () => {
    upstream.seen.length = 0;
    const response = await fetch(`${proxyURL}/api/stacks`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(response.status).toBe(200);
    expect(upstream.seen[0]?.headers['content-length']).toBe('12');
    expect(upstream.seen[0]?.bodyBytes).toBe(12);
  });

  it('passes only allowed response headers: no CORS, cookies or server banners', async () => {
    const response = await fetch(`${proxyURL}/api/cors`, { headers: auth });
    expect(response.status).toBe(200);
    const names = [...response.headers.keys()];
    expect(names.filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(names).not.toContain('set-cookie');
    expect(names).not.toContain('x-powered-by');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="x.csv"');
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers a redirect as a Pulumi-style 502 instead of passing or following it', async () => {
    upstream.seen.length = 0;
    const response = await fetch(`${proxyURL}/api/redirect`, { headers: auth, redirect: 'manual' });
    expect(response.headers.get('location')).toBeNull();
    await expectPulumiError(response, 502);
    expect(upstream.seen.map((r) => r.url)).toEqual(['/api/redirect']);
  });

  it('answers an upstream that stalls with a Pulumi-style 504 after the configured timeout', async () => {
    await expectPulumiError(await fetch(`${proxyURL}/api/stall`, { headers: auth }), 504);
  });

  it('answers an error page without JSON as a Pulumi-style error of the same status', async () => {
    await expectPulumiError(await fetch(`${proxyURL}/api/html-error`, { headers: auth }), 503);
  });

  it('answers a reset connection with a Pulumi-style 502', async () => {
    await expectPulumiError(await fetch(`${proxyURL}/api/reset`, { headers: auth }), 502);
  });

  it('throttles failed sign-ins before they reach upstream', async () => {
    upstream.seen.length = 0;
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await fetch(`${proxyURL}/console/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: proxyURL },
        body: JSON.stringify({ token: `pul-bad-${i}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expect(upstream.seen.length).toBe(10);
  });

  it.each(['/api/html-page', '/api/svg', '/api/untyped'])(
    'answers a success body of another type than JSON (%s) with a Pulumi-style 502',
    async (path) => {
      const response = await fetch(`${proxyURL}${path}`, { headers: auth });
      await expectPulumiError(response, 502);
      expect(response.headers.get('refresh')).toBeNull();
    },
  );

  it.each([
    ['text/csv; charset=utf-8', 'text/csv; charset=utf-8'],
    ['text/plain; charset=utf-8', 'text/plain; charset=utf-8'],
    ['application/x-gzip', 'application/x-gzip'],
    ['', 'application/octet-stream'],
  ])("passes an export's body sent as %j, as %s", async (sent, passed) => {
    const query = sent ? `?type=${encodeURIComponent(sent)}` : '';
    const response = await fetch(`${proxyURL}/api/orgs/acme/auditlogs/export${query}`, {
      headers: auth,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(passed);
    expect(await response.text()).toBe('Timestamp,Name\r\n');
  });

  it('answers an export sent as HTML with a Pulumi-style 502', async () => {
    const response = await fetch(`${proxyURL}/api/orgs/acme/auditlogs/export?type=text/html`, {
      headers: auth,
    });
    await expectPulumiError(response, 502);
  });

  it('survives an answer cut off midway and serves the next request', async () => {
    const cut = await fetch(`${proxyURL}/api/half-body`, { headers: auth });
    await expect(cut.text()).rejects.toThrow();
    const next = await fetch(`${proxyURL}/api/user`, { headers: auth });
    expect(next.status).toBe(200);
  });
});

describe('signing in against an upstream whose /api/user answer is hostile', () => {
  /** A proxy of its own, so that its sign-in throttle starts full. */
  async function freshProxy(timeoutMs: number) {
    const app = createProxyApp(upstream.url, {
      backend: { kind: 'proxy', upstreamUrl: upstream.url, timeoutMs },
    });
    const started = await listenOnFreePort(app);
    const url = `http://127.0.0.1:${started.port}`;
    return {
      signIn: (token: string) =>
        fetch(`${url}/console/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: url },
          body: JSON.stringify({ token }),
        }),
      close: () => closeServer(started.server),
    };
  }
  /** Enough for the 1 MiB cap and the sockets' buffers; far less than an unbounded read. */
  const MOST_BYTES_SENT = 32 * 1024 * 1024;

  it.each([
    ['announces 2 GiB', 'huge'],
    ['streams without end', 'endless'],
  ])('answers a body that %s with a 502 after reading at most the cap', async (_name, body) => {
    const proxy = await freshProxy(300);
    upstream.seen.length = 0;
    const response = await proxy.signIn(`pul-${body}-${'1'.repeat(40)}`);
    await expectPulumiError(response, 502);
    expect(response.headers.getSetCookie()).toEqual([]);
    await proxy.close();
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]?.sentBytes).toBeLessThan(MOST_BYTES_SENT);
  });

  it('stops decoding a gzip bomb at the cap instead of signing in with what it hides', async () => {
    const proxy = await freshProxy(5000);
    let peakRss = 0;
    const before = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
    const response = await proxy.signIn(`pul-bomb-${'1'.repeat(40)}`);
    clearInterval(sampler);
    await proxy.close();
    await expectPulumiError(response, 502);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(peakRss - before).toBeLessThan(128 * 1024 * 1024);
  });

  it('counts an upstream that fails toward the sign-in throttle', async () => {
    const proxy = await freshProxy(300);
    upstream.seen.length = 0;
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await proxy.signIn(`pul-endless-${String(i).padStart(40, '0')}`)).status);
    }
    await proxy.close();
    expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(502));
    expect(statuses.slice(10)).toEqual(Array<number>(15).fill(429));
    expect(upstream.seen).toHaveLength(10);
  });
});
