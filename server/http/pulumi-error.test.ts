import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, writeFixtures } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    fixtures: (store) => {
      writeFixtures(store, 3);
      // A failing database, as an internal error nobody's input caused.
      store.listEvents = () => {
        throw new Error('disk I/O error');
      };
    },
  });
});
afterAll(() => server.close());

describe('unexpected errors', () => {
  it('answer a Pulumi-style 500 and are logged without headers', async () => {
    const response = await server.get('/api/orgs/acme/auditlogs/v2');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ code: 500, message: 'Internal Server Error' });
    const logs = server.logs.join('\n');
    expect(logs).toContain('disk I/O error');
    expect(logs).not.toContain(ADMIN_TOKEN);
    expect(logs).not.toMatch(/authorization/i);
  });
});
