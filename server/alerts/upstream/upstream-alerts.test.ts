/**
 * Alerts in upstream mode, end to end: a console in upstream mode reads its "Pulumi Cloud" (the
 * embedded service on loopback, made to misbehave where a test says) with the token an admin
 * gave, evaluates the same rules, and delivers to a webhook receiver on loopback.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, BASE_TIME, MEMBER_TOKEN, UNKNOWN_TOKEN } from '../../testing/fixtures.ts';
import type { AlertMessage } from '../alert-message.ts';
import { deletion, failure, readyMade } from '../testing/alert-events.ts';
import { startAlertsHarness, type AlertsHarness } from '../testing/alerts-harness.ts';
import { ACCESS_KEPT_MS } from './upstream-alert-routes.ts';
import { verifySignature } from '../testing/webhook-receiver.ts';

const PATH = '/api/orgs/acme/console/alerts';
const SECRET = 'whsec-upstream-0123456789abcdef';

let h: AlertsHarness;
beforeEach(async () => {
  h = await startAlertsHarness({ mode: 'upstream' });
});
afterEach(async () => {
  await h.close();
});

async function createReadyMade(key: string, extra: Record<string, unknown> = {}) {
  const response = await h.call('POST', PATH, {
    body: { ...readyMade(key), enabled: true, webhookFormat: 'json', ...extra },
  });
  expect(response.status).toBe(201);
}

const bodies = () => h.receiver.received.map((r) => JSON.parse(r.body) as AlertMessage);
const pageReads = () => h.upstreamRequests.filter((r) => r.includes('/auditlogs/v2?'));

describe('the failure-burst rule through Pulumi Cloud', () => {
  it('delivers one signed alert for 6 failures from one IP in 15 minutes, none for 4, none again for the same burst', async () => {
    await createReadyMade('auth-failure-burst', {
      webhookUrl: `${h.receiver.origin}/hook`,
      secret: SECRET,
    });
    const burst = [0, 60, 200, 400, 700, 890].map((s) => failure(BASE_TIME + s, '198.51.100.7'));
    const few = [10, 20, 30, 40].map((s) => failure(BASE_TIME + s, '203.0.113.99'));
    h.audit.appendEvents('acme', [...burst, ...few]);
    await h.job.runOnce();
    expect(bodies()).toHaveLength(1);
    expect(bodies()[0]).toMatchObject({ key: '198.51.100.7', matchCount: 6, org: 'acme' });
    const [received] = h.receiver.received;
    const header = String(received?.headers['x-audit-console-signature']);
    expect(verifySignature(header, received?.body ?? '', SECRET, Date.now() / 1000)).toBe(true);

    // The next pass reads the overlap again: the same events are not news twice.
    h.audit.appendEvents('acme', [failure(BASE_TIME + 895, '198.51.100.7')]);
    await h.job.runOnce();
    await h.job.runOnce();
    expect(bodies()).toHaveLength(1);
    // Only the log was read from Pulumi Cloud: the console's own paths never went there.
    expect(h.upstreamRequests.some((r) => r.includes('/console/'))).toBe(false);
    expect(pageReads().length).toBeGreaterThan(0);
  });

  it('counts what was logged before the token was given, but never alerts on it', async () => {
    await createReadyMade('auth-failure-burst', { webhookUrl: `${h.receiver.origin}/hook` });
    // The token was given at BASE_TIME - 60; these are within the first read's overlap.
    h.audit.appendEvents(
      'acme',
      [100, 99, 98, 97, 96, 95].map((s) => failure(BASE_TIME - s, '198.51.100.9')),
    );
    await h.job.runOnce();
    expect(h.receiver.received).toHaveLength(0);
  });
});

describe('reading Pulumi Cloud', () => {
  it('follows every page, waits out a 429’s Retry-After and a 503, and delivers each deletion once', async () => {
    await createReadyMade('stack-deleted', { webhookUrl: `${h.receiver.origin}/hook` });
    h.audit.appendEvents(
      'acme',
      Array.from({ length: 130 }, (_, n) => deletion(BASE_TIME + n, `web/s${n}`)),
    );
    const faults = [
      new Response('{"code":429,"message":"slow down"}', {
        status: 429,
        headers: { 'Retry-After': '7', 'Content-Type': 'application/json' },
      }),
      new Response('{}', { status: 503, headers: { 'Content-Type': 'application/json' } }),
    ];
    h.upstreamFault.answer = (url) =>
      url.searchParams.has('continuationToken') ? faults.shift() : undefined;
    await h.job.runOnce();
    expect(h.sleeps[0]).toBe(7000);
    expect(h.sleeps).toHaveLength(2);
    const stacks = bodies().map((b) => b.events[0]?.description);
    expect(stacks).toHaveLength(130);
    expect(new Set(stacks).size).toBe(130);
  });

  it('stops promptly when the server stops during a Retry-After wait', async () => {
    await h.close();
    h = await startAlertsHarness({ mode: 'upstream', realWaits: true });
    h.upstreamFault.answer = () =>
      new Response('{"code":429,"message":"slow down"}', {
        status: 429,
        headers: { 'Retry-After': '60', 'Content-Type': 'application/json' },
      });
    const before = pageReads().length;
    const pass = h.job.runOnce();
    await expect.poll(() => pageReads().length).toBe(before + 1);
    const started = Date.now();
    const late = new Promise((resolve) => setTimeout(resolve, 2000, 'still waiting'));
    expect(await Promise.race([h.job.stop().then(() => 'stopped'), late])).toBe('stopped');
    expect(Date.now() - started).toBeLessThan(2000);
    await pass;
    expect(pageReads()).toHaveLength(before + 1);
  });

  it.each([
    [
      'repeats a continuation token',
      (url: URL) => ({
        auditLogEvents: [],
        continuationToken: url.searchParams.get('continuationToken'),
      }),
      'repeats one already followed',
    ],
    [
      'goes back in time',
      () => ({
        auditLogEvents: [
          { timestamp: BASE_TIME + 10_000, event: 'stack-deleted', user: { githubLogin: 'ada' } },
        ],
      }),
      'went back in time',
    ],
  ])(
    'stops a read whose next page %s, says so on the Alerts page, and delivers nothing',
    async (_, page, says) => {
      await createReadyMade('stack-deleted', { webhookUrl: `${h.receiver.origin}/hook` });
      h.audit.appendEvents(
        'acme',
        Array.from({ length: 120 }, (_, n) => deletion(BASE_TIME + n, `web/s${n}`)),
      );
      h.upstreamFault.answer = (url) =>
        url.searchParams.has('continuationToken') ? Response.json(page(url)) : undefined;
      await h.job.runOnce();
      expect(h.receiver.received).toHaveLength(0);
      const overview = (await (await h.call('GET', PATH)).json()) as {
        evaluation: string;
        reader: { configured: boolean; lastError: string };
      };
      expect(overview.evaluation).toBe('upstream');
      expect(overview.reader.configured).toBe(true);
      expect(overview.reader.lastError).toContain(says);
    },
  );
});

describe('the token the rules read with', () => {
  it('is checked against Pulumi Cloud, sealed at rest, and never answered or logged', async () => {
    const refused = await h.call('PUT', `${PATH}/reader`, { body: { token: UNKNOWN_TOKEN } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Pulumi Cloud refused this token');
    const member = await h.call('PUT', `${PATH}/reader`, { body: { token: MEMBER_TOKEN } });
    expect(member.status).toBe(400);
    expect(await member.text()).not.toContain(MEMBER_TOKEN);
    const overview = await (await h.call('GET', PATH)).text();
    expect(overview).toContain('"configured":true');
    for (const token of [ADMIN_TOKEN, UNKNOWN_TOKEN, MEMBER_TOKEN]) {
      expect(overview).not.toContain(token);
      expect(h.logs.join('\n')).not.toContain(token);
    }
    h.alerts.close();
    const file = readFileSync(`${h.dataDir}/alerts.db`).toString('latin1');
    expect(file).not.toContain(ADMIN_TOKEN);
  });

  it('is taken only from someone Pulumi Cloud lets read the org’s log', async () => {
    const member = await h.call('PUT', `${PATH}/reader`, {
      body: { token: ADMIN_TOKEN },
      token: MEMBER_TOKEN,
    });
    expect(member.status).toBe(403);
    expect((await h.call('GET', PATH, { token: null })).status).toBe(401);
    expect((await h.call('GET', PATH, { token: MEMBER_TOKEN })).status).toBe(403);
    expect((await h.call('DELETE', `${PATH}/reader`)).status).toBe(204);
    const overview = (await (await h.call('GET', PATH)).json()) as { reader: unknown };
    expect(overview.reader).toEqual({ configured: false });
  });

  it('asks Pulumi Cloud once a minute whether a caller may, not on every request', async () => {
    // Pulumi's answer to "may these credentials read the org's log": one second of it.
    const probes = () =>
      h.upstreamRequests.filter((r) => {
        const params = new URL(r, 'http://pulumi').searchParams;
        return Number(params.get('endTime')) - Number(params.get('startTime')) === 1;
      }).length;
    const before = probes();
    for (let i = 0; i < 3; i++) expect((await h.call('GET', PATH)).status).toBe(200);
    expect(probes()).toBe(before + 1);
    // Another caller's credentials are asked about on their own.
    expect((await h.call('GET', PATH, { token: MEMBER_TOKEN })).status).toBe(403);
    expect((await h.call('GET', PATH, { token: MEMBER_TOKEN })).status).toBe(403);
    expect(probes()).toBe(before + 3);
    h.clock.ms += ACCESS_KEPT_MS;
    expect((await h.call('GET', PATH)).status).toBe(200);
    expect(probes()).toBe(before + 4);
  });

  it('says Pulumi Cloud is limiting the caller, not that it is unreachable, on a 429', async () => {
    h.upstreamFault.answer = () =>
      Response.json({ code: 429, message: 'Too Many Requests' }, { status: 429 });
    const limited = await h.call('GET', PATH);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('limiting');
  });
});
