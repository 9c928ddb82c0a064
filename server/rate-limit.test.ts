import { afterEach, describe, expect, it } from 'vitest';
import { createTokenBuckets } from '../common/pulumi/token-buckets.ts';
import { RATE_LIMITED_MESSAGE } from './rate-limit.ts';
import { ADMIN_TOKEN, MEMBER_TOKEN } from './testing/fixtures.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('createTokenBuckets', () => {
  it('passes `rate` requests a second per key and says how long to wait beyond', () => {
    const buckets = createTokenBuckets(4);
    expect([0, 0, 0, 0].map(() => buckets.take('a', 1000))).toEqual([0, 0, 0, 0]);
    expect(buckets.take('a', 1000)).toBe(1);
    expect(buckets.take('b', 1000)).toBe(0);
    // A quarter second refills one request, no more than the bucket holds.
    expect(buckets.take('a', 1250)).toBe(0);
    expect(buckets.take('a', 1250)).toBe(1);
    expect([0, 0, 0, 0, 0].map(() => buckets.take('a', 60_000))).toEqual([0, 0, 0, 0, 1]);
  });
});

describe('RATE_LIMIT', () => {
  it('answers 429 with Retry-After and a Pulumi body beyond the limit, per token', async () => {
    const server = await startTestServer({ rateLimit: 3 });
    servers.push(server);
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 5; i++) {
      const response = await server.get('/api/orgs/acme/auditlogs/v2');
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
      else await response.arrayBuffer();
    }
    // Five requests well within a second: three pass (allowing one refill at most).
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(4);
    expect(refused?.headers.get('retry-after')).toMatch(/^[12]$/);
    expect(await refused?.json()).toEqual({ code: 429, message: RATE_LIMITED_MESSAGE });
    const other = await server.get('/api/user', { token: MEMBER_TOKEN });
    expect(other.status).toBe(200);
    expect(JSON.stringify(server.logs)).not.toContain(ADMIN_TOKEN);
  });

  it('is off by default', async () => {
    const server = await startTestServer();
    servers.push(server);
    for (let i = 0; i < 30; i++) {
      const response = await server.get('/api/user');
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  });
});
