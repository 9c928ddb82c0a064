/**
 * The console's alerts API: admins only, Pulumi-style errors, and webhook URLs and secrets that
 * go in and never come out (answers, logs, the history), including to an attacker's probes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, MEMBER_TOKEN, OUTSIDER_TOKEN } from '../testing/fixtures.ts';
import { closeServer, createProxyApp, listenOnFreePort } from '../testing/test-server.ts';
import { startAlertsHarness, type AlertsHarness } from './testing/alerts-harness.ts';

const PATH = '/api/orgs/acme/console/alerts';
const SECRET = 'whsec-do-not-show-me-0123456789';
const HOOK_PATH = '/services/T000/B000/tokenlike-path-secret';

let h: AlertsHarness;
beforeEach(async () => {
  h = await startAlertsHarness();
});
afterEach(async () => {
  await h.close();
});

const rule = (overrides: Record<string, unknown> = {}) => ({
  name: 'Failures',
  query: 'failed:true',
  threshold: 6,
  windowSeconds: 900,
  groupBy: 'ip',
  enabled: true,
  webhookUrl: `https://hooks.example.com${HOOK_PATH}`,
  webhookFormat: 'slack',
  secret: SECRET,
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}) {
  const response = await h.call('POST', PATH, { body: rule(overrides) });
  expect(response.status).toBe(201);
  return (await response.json()) as Record<string, unknown> & { id: string };
}

describe('access', () => {
  it.each([
    ['no token', null, 401],
    ['a member', MEMBER_TOKEN, 403],
    ['someone outside the org', OUTSIDER_TOKEN, 403],
  ])('refuses %s with a Pulumi error', async (_who, token, status) => {
    for (const [method, path] of [
      ['GET', PATH],
      ['POST', PATH],
      ['GET', `${PATH}/deliveries`],
      ['PATCH', `${PATH}/x`],
      ['DELETE', `${PATH}/x`],
    ] as const) {
      const response = await h.call(method, path, {
        token,
        body: method === 'POST' ? rule() : undefined,
      });
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ code: status });
    }
  });

  it('answers 404 for an unknown org and 400 for one without Enterprise', async () => {
    expect((await h.call('GET', '/api/orgs/nope/console/alerts')).status).toBe(404);
    expect((await h.call('GET', '/api/orgs/hobby/console/alerts')).status).toBe(400);
  });

  it('keeps one org’s rules from another org’s admin paths', async () => {
    const { id } = await create();
    h.audit.upsertOrganization({ name: 'other', displayName: 'Other', enterprise: true });
    h.audit.setMembership('other', 'ada', 'admin');
    expect(
      (await h.call('PATCH', `/api/orgs/other/console/alerts/${id}`, { body: { enabled: false } }))
        .status,
    ).toBe(404);
    expect((await h.call('DELETE', `/api/orgs/other/console/alerts/${id}`)).status).toBe(404);
    const list = (await (await h.call('GET', '/api/orgs/other/console/alerts')).json()) as {
      rules: unknown[];
    };
    expect(list.rules).toEqual([]);
  });
});

describe('rules', () => {
  it('lists the ready-made rules and the rules with the webhook’s origin only', async () => {
    await create();
    const response = await h.call('GET', PATH);
    const body = (await response.json()) as {
      rules: Array<Record<string, unknown>>;
      readyMade: Array<{ key: string; query: string }>;
    };
    expect(body.readyMade.map((r) => [r.key, r.query])).toEqual([
      ['auth-failure-burst', 'failed:true'],
      ['stack-deleted', 'event:stack-deleted'],
      ['membership-changes', 'event:member-added event:member-removed event:member-role-changed'],
    ]);
    expect(body.rules[0]).toMatchObject({
      name: 'Failures',
      webhookOrigin: 'https://hooks.example.com',
      hasSecret: true,
      enabled: true,
    });
  });

  it('turns a rule off and on, keeps the stored URL and secret, and deletes it', async () => {
    const { id } = await create();
    const off = await h.call('PATCH', `${PATH}/${id}`, { body: { enabled: false } });
    expect(await off.json()).toMatchObject({
      enabled: false,
      hasSecret: true,
      webhookOrigin: 'https://hooks.example.com',
    });
    const cleared = await h.call('PATCH', `${PATH}/${id}`, { body: { secret: '' } });
    expect(await cleared.json()).toMatchObject({ hasSecret: false });
    expect((await h.call('DELETE', `${PATH}/${id}`)).status).toBe(204);
    expect((await h.call('DELETE', `${PATH}/${id}`)).status).toBe(404);
  });

  it.each([
    [{ query: 'colour:red' }, /query: unknown key/],
    [{ query: 'failed:true burst:true' }, /burst: depends on other events/],
    [{ threshold: 0 }, /threshold must be a whole number/],
    [{ threshold: 3, windowSeconds: 0 }, /a threshold above 1 needs a window/],
    [{ groupBy: 'country' }, /groupBy must be one of/],
    [{ webhookUrl: 'file:///etc/passwd' }, /webhookUrl must use https or http/],
    [{ webhookUrl: 'https://user:pw@hooks.example.com/x' }, /must not carry a user name/],
    [{ webhookUrl: undefined }, /webhookUrl is required/],
    [
      { webhookUrl: 'http://169.254.169.254/latest/meta-data' },
      /webhookUrl: 169.254.169.254 is a cloud metadata address/,
    ],
    [
      { webhookUrl: 'https://intranet.example.com/hook' },
      /intranet.example.com resolves to 10.20.30.40, which is a private/,
    ],
    [{ webhookUrl: 'http://hooks.example.com/hook' }, /over http only if OUTBOUND_ALLOW lists it/],
    [{ secret: 'short' }, /secret must be 16 to 256 characters/],
    [{ name: '   ' }, /name must not be empty/],
  ])('refuses %o with a clear 400', async (overrides, message) => {
    const response = await h.call('POST', PATH, { body: rule(overrides) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: number; message: string };
    expect(body.message).toMatch(message);
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('refuses a body that is not JSON, or too large', async () => {
    const notJson = await fetch(`${h.baseURL}${PATH}`, {
      method: 'POST',
      headers: { Authorization: `token ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: '{"name":',
    });
    expect(notJson.status).toBe(400);
    const large = await h.call('POST', PATH, { body: rule({ name: 'x'.repeat(20_000) }) });
    expect(large.status).toBe(413);
  });
});

describe('secrets', () => {
  it('never returns or logs the webhook URL’s path or the secret', async () => {
    const { id } = await create();
    const answers = [
      await (await h.call('GET', PATH)).text(),
      await (await h.call('PATCH', `${PATH}/${id}`, { body: { name: 'Renamed' } })).text(),
      await (await h.call('PATCH', `${PATH}/${id}`, { body: { secret: 'x' } })).text(),
      await (await h.call('GET', `${PATH}/deliveries`)).text(),
    ];
    h.audit.appendEvents('acme', [
      {
        timestamp: 1_767_225_600,
        sourceIP: '192.0.2.1',
        event: 'stack-deleted',
        description: 'd',
        userLogin: 'ada',
      },
    ]);
    await h.job.runOnce();
    for (const text of [...answers, ...h.logs]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(HOOK_PATH);
    }
    // Stored sealed, too: the database file does not hold them in the clear.
    const stored = h.alerts.findRule('acme', id);
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(JSON.stringify(stored)).not.toContain(HOOK_PATH);
  });
});

describe('upstream mode', () => {
  it('never forwards the console’s own paths to Pulumi Cloud, even without alerts', async () => {
    let forwarded = 0;
    const upstream = await listenOnFreePort({
      fetch: () => {
        forwarded++;
        return new Response('{}');
      },
    });
    const proxy = await listenOnFreePort(
      createProxyApp(new URL(`http://127.0.0.1:${upstream.port}`)),
    );
    const response = await fetch(`http://127.0.0.1:${proxy.port}${PATH}`, {
      headers: { Authorization: `token ${ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(404);
    expect(forwarded).toBe(0);
    await closeServer(proxy.server);
    await closeServer(upstream.server);
  });
});
