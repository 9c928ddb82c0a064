import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let clock = 1_000_000;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

const signIn = (token: string) =>
  fetch(`${server.baseURL}/console/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.baseURL },
    body: JSON.stringify({ token }),
  });

describe('sign-in throttling', () => {
  it('answers 429 with Retry-After once an address has failed too often, even for a good token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await signIn(`pul-${String(i).padStart(40, '0')}`)).status);
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    const refused = await signIn(ADMIN_TOKEN);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ code: 429, message: expect.stringMatching(/sign-in/i) });
    expect(refused.headers.getSetCookie()).toEqual([]);
    clock += 6000;
    expect((await signIn(ADMIN_TOKEN)).status).toBe(200);
  });
});
