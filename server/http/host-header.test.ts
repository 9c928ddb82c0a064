import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedAvatarPaths } from '../api/event-json.ts';
import { ADMIN_TOKEN, writeFixtures } from '../testing/fixtures.ts';
import { rawGet, type RawResponse } from '../testing/raw-get.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let configured: TestServer;
beforeAll(async () => {
  const fixtures = (store: TestServer['store']) => {
    writeFixtures(store, 30);
    store.upsertUser({
      login: 'mel',
      name: 'Mel Member',
      email: 'mel@example.com',
      avatarPath: '//evil.example/x.png',
    });
  };
  server = await startTestServer({ fixtures });
  configured = await startTestServer({ fixtures, publicOrigin: 'https://audit.example.com' });
});
afterAll(async () => {
  await server.close();
  await configured.close();
});

/** fetch sets Host itself; node:http sends the one given. */
const withHost = (target: TestServer, path: string, host: string) =>
  rawGet(`${target.baseURL}${path}`, { Host: host, Authorization: `token ${ADMIN_TOKEN}` });

const LIST = '/api/orgs/acme/auditlogs/v2?pageSize=30';
const avatarUrls = (answer: RawResponse) =>
  (
    JSON.parse(answer.body.toString()) as { auditLogEvents: Array<{ user: { avatarUrl: string } }> }
  ).auditLogEvents.map((event) => event.user.avatarUrl);

describe('the Host header', () => {
  it.each([
    ['a 15 KB Host', 'h'.repeat(15_000)],
    ['a Host with a path', 'evil.example/x'],
    ['a Host with a user', 'user@evil.example'],
    ['a Host with spaces', 'a b'],
  ])('%s is a Pulumi-style 400 with the security headers', async (_name, host) => {
    for (const path of [LIST, '/api/user', '/orgs/acme/audit-logs']) {
      const answer = await withHost(server, path, host);
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body.toString())).toEqual({
        code: 400,
        message: expect.any(String),
      });
      expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('does not grow memory with the number of Hosts seen', async () => {
    for (let i = 0; i < 300; i++) {
      const answer = await withHost(server, LIST, `h${i}-${'x'.repeat(200)}.example`);
      expect(answer.status).toBe(200);
    }
    expect(cachedAvatarPaths()).toBeLessThan(20);
  });

  it('with PUBLIC_URL set, never reaches avatar URLs', async () => {
    const answer = await withHost(configured, LIST, 'attacker.example');
    expect(answer.status).toBe(200);
    for (const url of avatarUrls(answer)) {
      expect(url).toMatch(/^https:\/\/(audit\.example\.com|avatars\.example\.com)\//);
    }
  });

  it('never reaches the CEF dvchost', async () => {
    const answer = await withHost(
      server,
      `${LIST}&format=cef`.replace('v2?', 'v2/export?'),
      'attacker.example',
    );
    expect(answer.status).toBe(200);
    const text = gunzipSync(answer.body).toString();
    expect(text).not.toContain('attacker.example');
    const configuredAnswer = await withHost(
      configured,
      '/api/orgs/acme/auditlogs/v2/export?format=cef',
      'attacker.example',
    );
    expect(gunzipSync(configuredAnswer.body).toString()).toContain('dvchost=audit.example.com ');
  });
});

describe('stored avatar paths', () => {
  it('a protocol-relative path never becomes a URL to another host', async () => {
    const urls = avatarUrls(await withHost(server, LIST, '127.0.0.1'));
    expect(urls.some((url) => url.includes('evil.example'))).toBe(false);
    expect(urls).toContain('http://127.0.0.1/avatars/mel.svg');
  });
});
