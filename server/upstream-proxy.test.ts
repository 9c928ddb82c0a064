import type { Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../common/pulumi/event-catalog.ts';
import { rawGet } from './testing/raw-get.ts';
import { closeServer, createProxyApp, listenOnFreePort } from './testing/test-server.ts';

const TOKEN = `pul-${'e'.repeat(40)}`;

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

let seen: Seen[] = [];
let releaseStream: () => void = () => {};
let upstream: { server: Server; port: number };
let proxy: { server: Server; port: number };
let proxyURL: string;

function fakePulumi(): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    seen.push({
      method: c.req.method,
      url: c.req.url.replace(/^http:\/\/[^/]+/, ''),
      headers: c.req.header(),
      body: await c.req.text(),
    });
    await next();
  });
  app.get('/base/api/user', (c) =>
    c.req.header('authorization') === `token ${TOKEN}`
      ? c.json({ githubLogin: 'kim', name: 'Kim', organizations: [] })
      : c.json({ code: 401, message: 'Unauthorized' }, 401),
  );
  app.get(
    '/base/api/orgs/acme/auditlogs/export',
    () =>
      new Response(gzipSync('Timestamp,Name\r\n'), {
        headers: {
          'Content-Encoding': 'gzip',
          'Content-Type': 'text/csv',
          'Set-Cookie': 'upstream=1',
          Connection: 'X-Hop',
          'X-Hop': 'drop me',
          'X-Kept': 'keep me',
        },
      }),
  );
  // An export, as the answers that stream are.
  app.get('/base/api/orgs/acme/auditlogs/v2/export', () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('first;'));
        releaseStream = () => {
          controller.enqueue(new TextEncoder().encode('second'));
          controller.close();
        };
      },
    });
    return new Response(stream, { headers: { 'Content-Type': 'text/csv' } });
  });
  // Automated export's endpoints as Pulumi Cloud answers them.
  app.post(
    '/base/api/orgs/acme/auditlogs/export/config',
    () => new Response(null, { status: 204 }),
  );
  app.delete(
    '/base/api/orgs/acme/auditlogs/export/config',
    () => new Response(null, { status: 204 }),
  );
  app.post('/base/api/orgs/acme/auditlogs/export/config/force', (c) =>
    c.json({ timestamp: Number(c.req.query('timestamp')), message: '' }),
  );
  app.all('/base/api/*', (c) => c.json({ echoed: c.req.method }, 201));
  return app;
}

beforeAll(async () => {
  upstream = await listenOnFreePort(fakePulumi());
  const app = createProxyApp(new URL(`http://127.0.0.1:${upstream.port}/base/`));
  proxy = await listenOnFreePort(app);
  proxyURL = `http://127.0.0.1:${proxy.port}`;
});
afterAll(async () => {
  await closeServer(proxy.server);
  await closeServer(upstream.server);
});

describe('upstream proxy', () => {
  it('tells the console that Pulumi Cloud answers, without asking it', async () => {
    seen = [];
    const response = await fetch(`${proxyURL}/console/config`);
    expect(await response.json()).toEqual({ service: 'pulumi-cloud' });
    expect(seen).toEqual([]);
  });

  it('forwards method, path, query, body and the allowed headers only', async () => {
    seen = [];
    const response = await fetch(`${proxyURL}/api/stacks/acme?x=1&y=%20z`, {
      method: 'POST',
      headers: {
        Authorization: `token ${TOKEN}`,
        Accept: 'application/vnd.pulumi+8',
        'Content-Type': 'application/json',
        Cookie: 'alc_session=abc; other=1',
        'X-Custom': 'no',
        'Proxy-Authorization': 'Basic eA==',
        TE: 'trailers',
      },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ echoed: 'POST' });
    const [request] = seen;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/base/api/stacks/acme?x=1&y=%20z',
      body: '{"a":1}',
    });
    expect(request?.headers).toMatchObject({
      authorization: `token ${TOKEN}`,
      accept: 'application/vnd.pulumi+8',
      'content-type': 'application/json',
    });
    for (const name of ['cookie', 'x-custom', 'proxy-authorization', 'te']) {
      expect(request?.headers).not.toHaveProperty(name);
    }
  });

  it('passes gzip bodies through undecoded and only allowed headers', async () => {
    const response = await rawGet(`${proxyURL}/api/orgs/acme/auditlogs/export?startTime=1`, {
      Authorization: `token ${TOKEN}`,
      'Accept-Encoding': 'gzip',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body).toEqual(gzipSync('Timestamp,Name\r\n'));
    expect(response.headers['content-type']).toBe('text/csv');
    expect(response.headers).not.toHaveProperty('x-kept');
    expect(response.headers).not.toHaveProperty('x-hop');
    expect(response.headers).not.toHaveProperty('set-cookie');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(seen.at(-1)?.headers['accept-encoding']).toBe('gzip');
  });

  it('streams the body instead of buffering it', async () => {
    const response = await fetch(`${proxyURL}/api/orgs/acme/auditlogs/v2/export`, {
      headers: { Authorization: `token ${TOKEN}` },
    });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first;');
    releaseStream();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toBe('second');
  });

  it('signs in against upstream /api/user and then sends the session token upstream, not the cookie', async () => {
    const refused = await fetch(`${proxyURL}/console/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: proxyURL },
      body: JSON.stringify({ token: `pul-${'0'.repeat(40)}` }),
    });
    expect(refused.status).toBe(401);
    const signIn = await fetch(`${proxyURL}/console/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: proxyURL },
      body: JSON.stringify({ token: TOKEN }),
    });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ githubLogin: 'kim' });
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    seen = [];
    const response = await fetch(`${proxyURL}/api/orgs/acme/auditlogs/v2`, {
      headers: { Cookie: cookie },
    });
    expect(response.status).toBe(201);
    expect(seen[0]?.headers.authorization).toBe(`token ${TOKEN}`);
    expect(seen[0]?.headers).not.toHaveProperty('cookie');
  });

  it("passes automated export's endpoints to Pulumi Cloud: bodies, 204s and results", async () => {
    seen = [];
    const auth = { Authorization: `token ${TOKEN}` };
    const config = `${proxyURL}/api/orgs/acme/auditlogs/export/config`;
    const body = JSON.stringify({ newEnabled: true, newS3Configuration: { s3BucketName: 'b' } });
    const saved = await fetch(config, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body,
    });
    expect(saved.status).toBe(204);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body });
    const forced = await fetch(`${config}/force?timestamp=3600`, { method: 'POST', headers: auth });
    expect(await forced.json()).toEqual({ timestamp: 3600, message: '' });
    const tested = await fetch(`${config}/test`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(tested.status).toBe(201);
    expect((await fetch(config, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /base/api/orgs/acme/auditlogs/export/config',
      'POST /base/api/orgs/acme/auditlogs/export/config/force?timestamp=3600',
      'POST /base/api/orgs/acme/auditlogs/export/config/test',
      'DELETE /base/api/orgs/acme/auditlogs/export/config',
    ]);
  });

  it('answers the event catalog itself, as Pulumi Cloud has no such endpoint', async () => {
    seen = [];
    const response = await fetch(`${proxyURL}/api/orgs/acme/auditlogs/event-types`);
    expect(await response.json()).toEqual({ eventTypes: EVENT_TYPES });
    expect(seen).toEqual([]);
  });

  it('answers 502 with a Pulumi body when upstream cannot be reached', async () => {
    const dead = await listenOnFreePort(new Hono());
    await closeServer(dead.server);
    const app = createProxyApp(new URL(`http://127.0.0.1:${dead.port}`));
    const response = await app.request('/api/user', {
      headers: { Authorization: `token ${TOKEN}` },
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      code: 502,
      message: 'Bad Gateway: the Pulumi API could not be reached.',
    });
  });
});
