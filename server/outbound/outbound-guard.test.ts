/**
 * The outbound guard against real servers on loopback: each refusal is checked to have opened no
 * connection. Private, link-local and metadata addresses are only ever `check`ed (which opens
 * nothing) so a broken guard cannot send traffic off this machine.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK_CERT, LOOPBACK_KEY } from '../testing/loopback-tls.ts';
import { createOutboundGuard, type Resolve } from './outbound-guard.ts';
import { isOutboundRefusal, OutboundRefusal, parseOutboundAllow } from './outbound-policy.ts';

interface Counted {
  url: string;
  connections: number;
  close: () => Promise<void>;
}

async function listen(
  server: http.Server | https.Server,
  scheme: 'http' | 'https',
): Promise<Counted> {
  const counted = { url: '', connections: 0, close: async () => {} };
  server.on('connection', () => counted.connections++);
  server.on('secureConnection', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  counted.url = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  counted.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return counted;
}

const NONE = parseOutboundAllow(undefined);
const LOOPBACK = parseOutboundAllow('127.0.0.1');
const fixed =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

let tlsServer: Counted;
let plainTarget: Counted;
let redirecting: Counted;

beforeAll(async () => {
  tlsServer = await listen(
    https.createServer({ cert: LOOPBACK_CERT, key: LOOPBACK_KEY }, (req, res) => {
      if (req.url === '/fail') {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal detail: db password is hunter2');
      } else res.end('ok');
    }),
    'https',
  );
  plainTarget = await listen(
    http.createServer((_req, res) => res.end('reached')),
    'http',
  );
  redirecting = await listen(
    https.createServer({ cert: LOOPBACK_CERT, key: LOOPBACK_KEY }, (_req, res) => {
      res.writeHead(302, { location: `${plainTarget.url}/metadata` });
      res.end();
    }),
    'https',
  );
});
afterAll(async () => {
  await Promise.all([tlsServer.close(), plainTarget.close(), redirecting.close()]);
});

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundRefusal);
  return (error as Error).message;
}

describe('parseOutboundAllow', () => {
  it('reads hosts, addresses and CIDR ranges', () => {
    const allow = parseOutboundAllow(' 127.0.0.1, minio.internal ,10.0.0.0/8,[::1], fd00::/8 ');
    expect([...allow.hosts]).toEqual(['minio.internal']);
    expect(allow.addresses.check('10.9.9.9', 'ipv4')).toBe(true);
    expect(allow.addresses.check('::1', 'ipv6')).toBe(true);
    expect(allow.addresses.check('fd00::5', 'ipv6')).toBe(true);
    expect(allow.addresses.check('127.0.0.2', 'ipv4')).toBe(false);
  });

  it.each(['10.0.0.0/33', '10.0.0.0/x', 'a b', 'host/8', '1.2.3.4/8/9', 'http://x'])(
    'refuses %s with a message naming it',
    (entry) => {
      expect(() => parseOutboundAllow(entry)).toThrow(entry);
    },
  );
});

describe('check: refused classes by literal address', () => {
  const guard = createOutboundGuard(NONE);
  it.each([
    ['https://127.0.0.1/', '127.0.0.1 is a loopback address'],
    ['https://[::1]/', '::1 is a loopback address'],
    ['https://10.1.2.3/', '10.1.2.3 is a private (RFC 1918) address'],
    ['https://172.20.0.1/', '172.20.0.1 is a private (RFC 1918) address'],
    ['https://192.168.0.10/', '192.168.0.10 is a private (RFC 1918) address'],
    ['https://[fd00::1]/', 'fd00::1 is a unique-local address'],
    ['https://169.254.10.10/', '169.254.10.10 is a link-local address'],
    ['https://[fe80::1]/', 'fe80::1 is a link-local address'],
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
    ['https://0.0.0.0/', '0.0.0.0 is an unspecified address'],
    ['https://[::]/', ':: is an unspecified address'],
    ['https://224.0.0.1/', '224.0.0.1 is a multicast address'],
    ['https://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is a loopback address in IPv6 form'],
    ['https://[::ffff:169.254.169.254]/', 'is a cloud metadata address in IPv6 form'],
    // The URL parser reads these as 127.0.0.1 and so does the guard.
    ['https://2130706433/', '127.0.0.1 is a loopback address'],
    ['https://0x7f.1/', '127.0.0.1 is a loopback address'],
  ])('%s', async (url, message) => {
    const text = await refusalOf(guard.check(url));
    expect(text).toContain(message);
    expect(text).toContain('this server does not send there unless OUTBOUND_ALLOW lists it');
  });

  it('gives the message the issue asks for', async () => {
    expect(await refusalOf(guard.check('https://127.0.0.1:9000/bucket'))).toBe(
      '127.0.0.1 is a loopback address; this server does not send there unless OUTBOUND_ALLOW lists it',
    );
  });

  it('refuses a name that resolves there, naming both', async () => {
    const named = createOutboundGuard(NONE, { resolve: fixed('8.8.8.8', '10.0.0.7') });
    expect(await refusalOf(named.check('https://innocent.example/'))).toBe(
      'innocent.example resolves to 10.0.0.7, which is a private (RFC 1918) address; this server does not send there unless OUTBOUND_ALLOW lists it',
    );
  });

  it('refuses localhost by the system resolver', async () => {
    expect(await refusalOf(guard.check('https://localhost/'))).toMatch(
      /^localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/,
    );
  });

  it('passes a public address without connecting', async () => {
    const named = createOutboundGuard(NONE, { resolve: fixed('93.184.215.14') });
    await expect(named.check('https://s3.example.com/')).resolves.toBeInstanceOf(URL);
  });

  it.each([
    ['http://s3.example.com/', false, 'must be an https URL'],
    ['ftp://s3.example.com/', true, 'must be an http or https URL'],
    ['not a url', false, 'must be an absolute https URL'],
    ['https://user:secret@s3.example.com/', false, 'must not hold a user name or password'],
  ])('refuses %s (http allowed: %s)', async (url, allowHttp, message) => {
    const named = createOutboundGuard(NONE, { resolve: fixed('93.184.215.14') });
    const text = await refusalOf(named.check(url, { allowHttp }));
    expect(text).toContain(message);
    expect(text).not.toContain('secret');
  });

  it('allows http only to a destination OUTBOUND_ALLOW lists', async () => {
    const named = createOutboundGuard(LOOPBACK, { resolve: fixed('93.184.215.14') });
    expect(await refusalOf(named.check('http://hooks.example/', { allowHttp: true }))).toContain(
      'over http only if OUTBOUND_ALLOW lists it',
    );
    await expect(named.check('http://127.0.0.1:1/', { allowHttp: true })).resolves.toBeDefined();
  });
});

describe('request: no connection is made to a refused address', () => {
  it('refuses a loopback literal, IPv4-mapped or not', async () => {
    const guard = createOutboundGuard(NONE, { ca: LOOPBACK_CERT });
    const port = new URL(tlsServer.url).port;
    const before = tlsServer.connections;
    await refusalOf(guard.request(`https://127.0.0.1:${port}/`));
    await refusalOf(guard.request(`https://[::ffff:127.0.0.1]:${port}/`));
    expect(tlsServer.connections).toBe(before);
  });

  it('refuses a name resolving to loopback at connect time, even after a clean check', async () => {
    // A rebinding name: public when checked, loopback when connecting.
    let calls = 0;
    const rebinding: Resolve = async () => [
      { address: calls++ === 0 ? '93.184.215.14' : '127.0.0.1', family: 4 },
    ];
    const guard = createOutboundGuard(NONE, { resolve: rebinding, ca: LOOPBACK_CERT });
    const url = `https://rebind.example:${new URL(tlsServer.url).port}/`;
    await guard.check(url);
    const before = tlsServer.connections;
    expect(await refusalOf(guard.request(url))).toContain(
      'rebind.example resolves to 127.0.0.1, which is a loopback address',
    );
    expect(tlsServer.connections).toBe(before);
  });

  it('refuses localhost through the agent an SDK would use', async () => {
    const guard = createOutboundGuard(NONE, { ca: LOOPBACK_CERT });
    const before = tlsServer.connections;
    const error = await new Promise<unknown>((resolve) => {
      https
        .get(`https://localhost:${new URL(tlsServer.url).port}/`, { agent: guard.agent() }, () =>
          resolve(undefined),
        )
        .on('error', resolve);
    });
    expect(isOutboundRefusal(error)).toBe(true);
    expect(tlsServer.connections).toBe(before);
  });
});

describe('request with OUTBOUND_ALLOW=127.0.0.1', () => {
  const guard = createOutboundGuard(LOOPBACK, { ca: LOOPBACK_CERT });

  it('reaches the loopback HTTPS server', async () => {
    await expect(guard.request(`${tlsServer.url}/`)).resolves.toEqual({
      ok: true,
      status: 200,
      reason: '200 OK',
    });
  });

  it('reports a failure by status, never by the body', async () => {
    const result = await guard.request(`${tlsServer.url}/fail`, { method: 'POST', body: '{}' });
    expect(result).toEqual({ ok: false, status: 500, reason: '500 Internal Server Error' });
  });

  it('does not follow a redirect (here to another loopback service)', async () => {
    const before = plainTarget.connections;
    const result = await guard.request(`${redirecting.url}/hook`, { method: 'POST', body: '{}' });
    expect(result).toEqual({
      ok: false,
      status: 302,
      reason: '302 Found: a redirect, not followed',
    });
    expect(plainTarget.connections).toBe(before);
  });

  it('reaches a listed plain-http receiver only when the caller allows http', async () => {
    await expect(guard.request(`${plainTarget.url}/`, { allowHttp: true })).resolves.toMatchObject({
      ok: true,
      status: 200,
    });
    expect(await refusalOf(guard.request(`${plainTarget.url}/`))).toContain('must be an https');
  });

  it('says a self-signed certificate is not trusted without the CA', async () => {
    const strict = createOutboundGuard(LOOPBACK);
    const result = await strict.request(`${tlsServer.url}/`);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/^TLS certificate not trusted/);
  });

  it('says a closed port refused the connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(guard.request(`https://127.0.0.1:${port}/`)).resolves.toEqual({
      ok: false,
      status: 0,
      reason: 'connection refused',
    });
  });

  it('allows a host name OUTBOUND_ALLOW lists whatever it resolves to', async () => {
    const named = createOutboundGuard(parseOutboundAllow('localhost'), { ca: LOOPBACK_CERT });
    const port = new URL(tlsServer.url).port;
    await expect(named.request(`https://localhost:${port}/`)).resolves.toMatchObject({ ok: true });
  });
});
