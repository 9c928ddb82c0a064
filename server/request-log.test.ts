import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRequestLine } from './request-log.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the request log', () => {
  it.each([
    [
      'a line feed',
      '/api/x\nGET /api/admin 200 1ms',
      '/api/x\\nGET\\x20/api/admin\\x20200\\x201ms',
    ],
    ['a carriage return', '/a\rb', '/a\\rb'],
    ['NUL', '/a\u0000b', '/a\\x00b'],
    ['an escape sequence', '/a\u001b[2Jb', '/a\\x1b[2Jb'],
    ['DEL', '/a\u007fb', '/a\\x7fb'],
    ['a Unicode line separator', '/a\u2028b', '/a\\u2028b'],
    ['a backslash, so escapes cannot be faked', '/a\\nb', '/a\\\\nb'],
  ])('escapes %s in the path', (_name, path, shown) => {
    const line = formatRequestLine('GET', path, 404, 1);
    expect(line).toBe(`GET ${shown} 404 1ms`);
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
  });

  it('never lets a request forge a line, whatever its encoded path', async () => {
    server.logs.length = 0;
    for (const path of [
      '/api/x%0aGET%20/api/admin%20200%201ms',
      '/api/x%00y',
      '/x%0d%0aforged',
      '/%E2%80%A8x',
    ]) {
      await server.get(path);
    }
    expect(server.logs).toHaveLength(4);
    for (const line of server.logs) {
      expect(line).toMatch(/^GET \S+ \d{3} \d+ms$/);
    }
  });
});
