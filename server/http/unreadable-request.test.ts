import net from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogText } from '../log-line.ts';
import { closeServer, createProxyApp, listenOnFreePort } from '../testing/test-server.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/** Sends bytes as they are on a new connection and resolves with all it receives until closed. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.setTimeout(3000, () => socket.destroy());
  });
}

function parseRaw(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = new Map(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
    }),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function expectPulumiAnswer(raw: string, status: number) {
  const answer = parseRaw(raw);
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  expect(answer.headers.get('x-frame-options')).toBe('DENY');
  expect(answer.headers.get('connection')).toBe('close');
  expect(JSON.parse(answer.body)).toEqual({ code: status, message: expect.any(String) });
}

const FORGED = '2026-12-02 admin login ok';
const FORGING_REQUEST =
  `PUT /api/a%0a${encodeURIComponent(FORGED)} HTTP/1.1\r\nHost: x\r\n` +
  'Transfer-Encoding: xchunked\r\n\r\nabc';

/** Every log line is one line, and none is the forged one. */
function expectNoForgedLine(logs: string[]) {
  for (const line of logs) {
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(line.startsWith(FORGED)).toBe(false);
  }
}

describe("requests Node's own parser refuses, on a raw socket", () => {
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer();
    port = Number(new URL(server.baseURL).port);
  });
  afterAll(() => server.close());

  it.each([
    ['an unknown transfer coding', FORGING_REQUEST, 400],
    [
      'two different lengths',
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
      400,
    ],
    ['a space before the colon', 'GET / HTTP/1.1\r\nHost : x\r\n\r\n', 400],
    [
      'a header larger than Node allows',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
  ])('answers %s with the security headers and Pulumi JSON', async (_name, request, status) => {
    expectPulumiAnswer(await rawExchange(port, request), status);
    expectNoForgedLine(server.logs);
  });
});

describe('the error handler never writes a forged log line', () => {
  const logs: LogText[] = [];
  let proxy: { server: Server; port: number };
  beforeAll(async () => {
    // Upstream mode reads the body itself, so the cut body is an error the handler logs.
    const app = createProxyApp(new URL('http://127.0.0.1:9'), { log: (line) => logs.push(line) });
    proxy = await listenOnFreePort(app);
  });
  afterAll(() => closeServer(proxy.server));

  it('escapes the decoded path and the stack of an error from a request cut by the parser', async () => {
    const answer = await rawExchange(proxy.port, FORGING_REQUEST);
    await expect.poll(() => logs.some((line) => line.startsWith('error PUT'))).toBe(true);
    expectNoForgedLine(logs);
    expectPulumiAnswer(answer, 400);
    expect(logs.find((line) => line.startsWith('error PUT'))).toContain(
      `/api/a\\n${FORGED.replaceAll(' ', '\\x20')}: `,
    );
  });
});
