import { afterEach, describe, expect, it } from 'vitest';
import { decideFault, parseFaults } from './faults.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function faultyServer(spec: string, seed: number) {
  const server = await startTestServer({ faults: parseFaults(spec, seed) });
  servers.push(server);
  return server;
}

/** Sequential requests, so arrival order is request order; a dropped connection reads as 'reset'. */
async function outcomes(server: TestServer, count: number): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const response = await server.get('/api/user');
      const retryAfter = response.headers.get('retry-after');
      results.push(retryAfter ? `${response.status}/${retryAfter}` : String(response.status));
      await response.arrayBuffer();
    } catch {
      results.push('reset');
    }
  }
  return results;
}

describe('fault injection', () => {
  it('is deterministic for a seed and shows every kind', async () => {
    const spec = '429:0.25,500:0.25,reset:0.25';
    const first = await outcomes(await faultyServer(spec, 42), 60);
    const second = await outcomes(await faultyServer(spec, 42), 60);
    expect(second).toEqual(first);
    const kinds = new Set(first.map((outcome) => outcome.split('/')[0]));
    expect(kinds).toEqual(new Set(['200', '429', '500', 'reset']));
    expect(
      first.filter((o) => o.startsWith('429')).every((o) => o === '429/1' || o === '429/2'),
    ).toBe(true);
    const other = await outcomes(await faultyServer(spec, 43), 60);
    expect(other).not.toEqual(first);
  });

  it('answers 429 and 500 with Pulumi bodies', async () => {
    const tooMany = await (await faultyServer('429:1', 1)).get('/api/user');
    expect(tooMany.status).toBe(429);
    expect(await tooMany.json()).toMatchObject({ code: 429 });
    const failing = await (await faultyServer('500:1', 1)).get('/api/user');
    expect(await failing.json()).toMatchObject({ code: 500 });
  });

  it('tells the console that the embedded service answers', async () => {
    const server = await faultyServer('500:1', 1);
    expect(await (await server.get('/console/config')).json()).toEqual({ service: 'embedded' });
  });

  it('leaves /healthz, /console and static files alone', async () => {
    const server = await faultyServer('429:0.5,500:0.5', 3);
    expect((await server.get('/healthz')).status).toBe(200);
    expect((await server.get('/orgs/acme')).status).toBe(503); // no dist in tests: the build hint
    const session = await fetch(`${server.baseURL}/console/session`, {
      method: 'DELETE',
      headers: { Origin: server.baseURL },
    });
    expect(session.status).toBe(204);
  });

  it('delays requests within the range', async () => {
    const server = await faultyServer('delay:60-60', 1);
    const started = performance.now();
    expect((await server.get('/api/user')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('the fault plan', () => {
  it('maps draws onto the shares in order 429, 500, reset', () => {
    const plan = parseFaults('429:0.1,500:0.1,reset:0.1,delay:100-200', 1);
    expect(decideFault(plan, [0.05, 0, 0.7])).toEqual({
      kind: '429',
      delayMs: 100,
      retryAfterSeconds: 2,
    });
    expect(decideFault(plan, [0.15, 1, 0.2])).toEqual({
      kind: '500',
      delayMs: 200,
      retryAfterSeconds: 1,
    });
    expect(decideFault(plan, [0.25, 0.5, 0]).kind).toBe('reset');
    expect(decideFault(plan, [0.35, 0.5, 0]).kind).toBeUndefined();
  });
});
