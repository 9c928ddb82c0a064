/**
 * Rules firing end to end: events appended to the audit store, the job's pass, a webhook
 * receiver on loopback, and the delivery history the console reads.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventIdentifier, formatEventIdentity } from '../../common/pulumi/event-identity.ts';
import { sealText } from '../session/session-seal.ts';
import { BASE_TIME } from '../testing/fixtures.ts';
import { toAuditLogEvent } from '../api/event-json.ts';
import type { AlertMessage } from './alert-message.ts';
import { sealedContext } from './alerts-store.ts';
import { deletion, failure, readyMade } from './testing/alert-events.ts';
import { startAlertsHarness, TEST_ORIGIN, type AlertsHarness } from './testing/alerts-harness.ts';
import { RECEIVER_ERROR_BODY, verifySignature } from './testing/webhook-receiver.ts';

const SECRET = 'whsec-0123456789abcdef-test';

let h: AlertsHarness;
beforeEach(async () => {
  h = await startAlertsHarness();
});
afterEach(async () => {
  await h.close();
});

async function createRule(fields: Record<string, unknown>): Promise<{ id: string }> {
  const response = await h.call('POST', '/api/orgs/acme/console/alerts', {
    body: { enabled: true, webhookFormat: 'json', ...fields },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

const bodies = () => h.receiver.received.map((r) => JSON.parse(r.body) as AlertMessage);

describe('the failure-burst rule', () => {
  it('fires once for 6 failures from one IP in 15 minutes, and not for 4 from another', async () => {
    await createRule({
      ...readyMade('auth-failure-burst'),
      webhookUrl: `${h.receiver.origin}/hook`,
    });
    const burst = [0, 60, 200, 400, 700, 890].map((s) => failure(BASE_TIME + s, '198.51.100.7'));
    const few = [10, 20, 30, 40].map((s) => failure(BASE_TIME + s, '203.0.113.99'));
    h.audit.appendEvents('acme', [...burst, ...few]);
    await h.job.runOnce();
    expect(bodies()).toHaveLength(1);
    const [alert] = bodies();
    expect(alert).toMatchObject({ key: '198.51.100.7', matchCount: 6, org: 'acme' });
    expect(alert?.events.map((e) => e.sourceIP)).toEqual(Array(6).fill('198.51.100.7'));

    // More failures within the same window are the same burst: no second alert.
    h.audit.appendEvents('acme', [failure(BASE_TIME + 895, '198.51.100.7')]);
    await h.job.runOnce();
    expect(bodies()).toHaveLength(1);
  });

  it('does not fire for 5 failures (more than 5 is the rule), nor for 6 spread over more than 15 minutes', async () => {
    await createRule({
      ...readyMade('auth-failure-burst'),
      webhookUrl: `${h.receiver.origin}/hook`,
    });
    h.audit.appendEvents(
      'acme',
      [0, 1, 2, 3, 4].map((s) => failure(BASE_TIME + s, '198.51.100.5')),
    );
    h.audit.appendEvents(
      'acme',
      [0, 200, 400, 600, 800, 1000].map((s) => failure(BASE_TIME + 2000 + s, '198.51.100.6')),
    );
    await h.job.runOnce();
    expect(h.receiver.received).toHaveLength(0);
  });

  it('fires again for a burst one window after the first', async () => {
    await createRule({
      ...readyMade('auth-failure-burst'),
      webhookUrl: `${h.receiver.origin}/hook`,
    });
    const ip = '198.51.100.8';
    h.audit.appendEvents(
      'acme',
      [0, 1, 2, 3, 4, 5].map((s) => failure(BASE_TIME + s, ip)),
    );
    await h.job.runOnce();
    h.audit.appendEvents(
      'acme',
      [0, 1, 2, 3, 4, 5].map((s) => failure(BASE_TIME + 1000 + s, ip)),
    );
    await h.job.runOnce();
    expect(bodies().map((b) => b.firedAt)).toEqual([
      new Date((BASE_TIME + 5) * 1000).toISOString().replace('.000', ''),
      new Date((BASE_TIME + 1005) * 1000).toISOString().replace('.000', ''),
    ]);
  });

  it('alerts only on events logged after the rule was created', async () => {
    h.audit.appendEvents(
      'acme',
      [0, 1, 2, 3, 4, 5].map((s) => failure(BASE_TIME + s, '198.51.100.9')),
    );
    await createRule({
      ...readyMade('auth-failure-burst'),
      webhookUrl: `${h.receiver.origin}/hook`,
    });
    await h.job.runOnce();
    expect(h.receiver.received).toHaveLength(0);
  });
});

describe('the stack-deleted rule', () => {
  it('fires for each deletion, two in one second included, with a link to each event', async () => {
    await createRule({ ...readyMade('stack-deleted'), webhookUrl: `${h.receiver.origin}/hook` });
    const events = [
      deletion(BASE_TIME, 'web/dev'),
      deletion(BASE_TIME + 5, 'web/prod'),
      deletion(BASE_TIME + 5, 'api/prod'),
    ];
    h.audit.appendEvents('acme', [...events, { ...failure(BASE_TIME + 6, '192.0.2.1') }]);
    await h.job.runOnce();
    const alerts = bodies();
    expect(alerts).toHaveLength(3);
    expect(alerts.map((a) => a.events[0]?.description).sort()).toEqual(
      events.map((e) => e.description).sort(),
    );
    // The link names the event as the console does: by its second, hash and ordinal.
    const stored = h.audit.listEvents({
      org: 'acme',
      before: { timestamp: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER },
      limit: 100,
    });
    const identify = createEventIdentifier();
    const names = stored.map((row) => {
      const event = toAuditLogEvent(row, TEST_ORIGIN);
      return { description: event.description, name: formatEventIdentity(identify(event)) };
    });
    for (const alert of alerts) {
      const [listed] = alert.events;
      const link = new URL(listed?.link ?? '');
      expect(link.origin + link.pathname).toBe(`${TEST_ORIGIN}/orgs/acme/audit-logs`);
      const expected = names.find((n) => n.description === listed?.description)?.name;
      expect(link.searchParams.get('details')).toBe(expected);
      expect(new URL(alert.searchLink).searchParams.get('q')).toBe('event:stack-deleted');
    }
  });

  it('sends Slack’s {text} body when the rule says slack', async () => {
    await createRule({
      ...readyMade('stack-deleted'),
      webhookFormat: 'slack',
      webhookUrl: `${h.receiver.origin}/slack`,
    });
    h.audit.appendEvents('acme', [deletion(BASE_TIME, 'web/<prod>&')]);
    await h.job.runOnce();
    const [received] = h.receiver.received;
    const body = JSON.parse(received?.body ?? '{}') as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text).toMatch(
      /^\*Stack deleted\* fired in acme: 1 match \(<https:\/\/audit\.example\.com\/orgs\/acme\/audit-logs\?/,
    );
    expect(body.text).toContain('Stack Deleted by ada from 192.0.2.10');
  });
});

describe('sealed webhook URLs', () => {
  it('open only for their own rule: one copied into another rule is not sent anywhere', async () => {
    const mine = await createRule({
      ...readyMade('stack-deleted'),
      webhookUrl: `${h.receiver.origin}/a`,
    });
    const other = await createRule({
      ...readyMade('membership-changes'),
      webhookUrl: 'https://hooks.example.com/b',
    });
    const source = h.alerts.findRule('acme', mine.id);
    const target = h.alerts.findRule('acme', other.id);
    if (!source || !target) throw new Error('rules not stored');
    h.alerts.updateRule({ ...target, sealedWebhookUrl: source.sealedWebhookUrl }, false);
    h.audit.appendEvents('acme', [
      {
        timestamp: BASE_TIME,
        sourceIP: '192.0.2.3',
        event: 'member-added',
        description: 'm',
        userLogin: 'ada',
      },
    ]);
    await h.job.runOnce();
    expect(h.receiver.received).toHaveLength(0);
  });

  it('delivers to a URL as long as a rule takes (2,000 characters)', async () => {
    const path = `/${'p'.repeat(2000 - h.receiver.origin.length - 1)}`;
    await createRule({ ...readyMade('stack-deleted'), webhookUrl: `${h.receiver.origin}${path}` });
    h.audit.appendEvents('acme', [deletion(BASE_TIME, 'web/prod')]);
    await h.job.runOnce();
    expect(h.receiver.received.map((r) => r.path.length)).toEqual([path.length]);
  });
});

describe('signing', () => {
  const verify = verifySignature;

  it('signs the body and its timestamp with the rule’s secret; a changed body or an old timestamp fails', async () => {
    await createRule({
      ...readyMade('stack-deleted'),
      webhookUrl: `${h.receiver.origin}/hook`,
      secret: SECRET,
    });
    h.audit.appendEvents('acme', [deletion(BASE_TIME, 'web/prod')]);
    await h.job.runOnce();
    const [received] = h.receiver.received;
    const header = String(received?.headers['x-audit-console-signature']);
    const now = Math.floor(Date.now() / 1000);
    expect(verify(header, received?.body ?? '', SECRET, now)).toBe(true);
    expect(verify(header, `${received?.body} `, SECRET, now)).toBe(false);
    expect(verify(header, received?.body ?? '', 'another-secret-0000', now)).toBe(false);
    expect(verify(header, received?.body ?? '', SECRET, now + 3600)).toBe(false);
  });

  it('sends no signature header when the rule has no secret', async () => {
    await createRule({ ...readyMade('stack-deleted'), webhookUrl: `${h.receiver.origin}/hook` });
    h.audit.appendEvents('acme', [deletion(BASE_TIME, 'web/prod')]);
    await h.job.runOnce();
    expect(h.receiver.received[0]?.headers['x-audit-console-signature']).toBeUndefined();
  });
});

describe('retries and history', () => {
  interface HistoryEntry {
    ruleName: string;
    status: string;
    attempts: number;
    history: Array<{ attempt: number; ok: boolean; httpStatus: number | null; reason: string }>;
  }
  const history = async () => {
    const response = await h.call('GET', '/api/orgs/acme/console/alerts/deliveries');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(RECEIVER_ERROR_BODY);
    return (JSON.parse(text) as { deliveries: HistoryEntry[] }).deliveries;
  };

  it('retries a failing receiver and the history shows each attempt', async () => {
    await createRule({ ...readyMade('stack-deleted'), webhookUrl: `${h.receiver.origin}/hook` });
    h.receiver.failWith(500, 503);
    h.audit.appendEvents('acme', [deletion(BASE_TIME, 'web/prod')]);
    await h.job.runOnce();
    expect(h.receiver.received).toHaveLength(3);
    const [delivery] = await history();
    expect(delivery).toMatchObject({ ruleName: 'Stack deleted', status: 'delivered', attempts: 3 });
    expect(delivery?.history.map((a) => [a.ok, a.httpStatus, a.reason])).toEqual([
      [false, 500, 'the receiver answered HTTP 500'],
      [false, 503, 'the receiver answered HTTP 503'],
      [true, 200, 'delivered'],
    ]);
  });

  it('gives up after the last retry and says so', async () => {
    await createRule({ ...readyMade('stack-deleted'), webhookUrl: `${h.receiver.origin}/hook` });
    h.receiver.failWith(502, 502, 502, 502, 502, 502, 502);
    h.audit.appendEvents('acme', [deletion(BASE_TIME, 'web/prod')]);
    await h.job.runOnce();
    expect(h.receiver.received).toHaveLength(6);
    const [delivery] = await history();
    expect(delivery).toMatchObject({ status: 'failed', attempts: 6 });
  });

  it('waits out the retry schedule: a retry is not sent before its time', async () => {
    await h.close();
    h = await startAlertsHarness({ retryDelaysMs: [60_000] });
    await createRule({ ...readyMade('stack-deleted'), webhookUrl: `${h.receiver.origin}/hook` });
    h.receiver.failWith(500);
    h.audit.appendEvents('acme', [deletion(BASE_TIME, 'web/prod')]);
    await h.job.runOnce();
    await h.job.runOnce();
    expect(h.receiver.received).toHaveLength(1);
    const [delivery] = await history();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('records a receiver that cannot be reached, in our words', async () => {
    await createRule({ ...readyMade('stack-deleted'), webhookUrl: 'http://127.0.0.1:9/closed' });
    h.audit.appendEvents('acme', [deletion(BASE_TIME, 'web/prod')]);
    await h.job.runOnce();
    const [delivery] = await history();
    expect(delivery?.history[0]).toMatchObject({
      ok: false,
      httpStatus: null,
      reason: 'connection refused',
    });
  });

  it('goes through the outbound guard: a destination it refuses fails at once, without retries', async () => {
    const { id } = await createRule({
      ...readyMade('stack-deleted'),
      webhookUrl: `${h.receiver.origin}/hook`,
    });
    // Saved while allowed, then pointed (as a stored row could be) at a loopback address the
    // deployment does not list: the guard refuses it when sending.
    const stored = h.alerts.findRule('acme', id);
    if (!stored) throw new Error('rule not stored');
    h.alerts.updateRule(
      {
        ...stored,
        sealedWebhookUrl: sealText(h.secretKey, 'http://127.0.0.2:9/x', sealedContext(stored)),
      },
      false,
    );
    h.audit.appendEvents('acme', [deletion(BASE_TIME, 'web/prod')]);
    await h.job.runOnce();
    const [delivery] = await history();
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(delivery?.history[0]?.reason).toMatch(/127\.0\.0\.2 is a loopback address/);
  });
});
