/**
 * Alerts from the console: a rule created from the log's current search, turned off and deleted
 * (embedded service); against Pulumi Cloud (upstream mode) the admin gives the server a token to
 * read the log with, and the failure-burst rule delivers one signed alert per burst.
 */
import type { Page } from '@playwright/test';
import {
  startWebhookReceiver,
  verifySignature,
  type WebhookReceiver,
} from '../../server/alerts/testing/webhook-receiver.ts';
import { DEMO_ADMIN_LOGIN } from '../../server/seed/demo-people.ts';
import { appendToLog } from '../support/append-to-log.ts';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { LOG_PATH, signInContext, waitForRows } from '../viewer/viewer-helpers.ts';

// A documentation address (TEST-NET-3): public to the outbound guard, and no event of the demo
// log arrives while the test runs, so nothing is ever sent to it.
const WEBHOOK = 'https://203.0.113.10/hooks/T0001/do-not-show-this-path';
const SECRET = 'whsec-e2e-never-shown-0123456789';

/** Failed authentications from `ip` at `times` (Unix seconds), written into `server`'s log. */
function appendFailures(server: TestServer, ip: string, times: number[]) {
  appendToLog(
    server,
    times.map((timestamp) => ({
      timestamp,
      sourceIP: ip,
      event: 'auth-failure-stack-permission',
      description: 'Access denied to stack acme/web/prod',
      userLogin: DEMO_ADMIN_LOGIN,
      authFailure: true,
    })),
  );
}

/**
 * Waits until the server's reader of Pulumi Cloud has begun and finished a read after `after`
 * (ms), as the alerts overview says, and returns when that read began.
 */
async function nextReadAfter(page: Page, baseURL: string, after: number): Promise<number> {
  let lastReadAt = 0;
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`${baseURL}/api/orgs/acme/console/alerts`);
        expect(response.status()).toBe(200);
        const body = (await response.json()) as { reader?: { lastReadAt?: number | null } };
        lastReadAt = body.reader?.lastReadAt ?? 0;
        return lastReadAt;
      },
      { timeout: 45_000 },
    )
    .toBeGreaterThan(after);
  return lastReadAt;
}

async function openAlertsFromSearch(page: Page) {
  await page.goto(`${LOG_PATH}?q=${encodeURIComponent('failed:true')}&range=90d`);
  await waitForRows(page);
  await page.getByRole('link', { name: 'Alerts' }).click();
  await expect(page).toHaveURL(/\/orgs\/acme\/alerts\?q=failed%3Atrue$/);
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
}

/**
 * Deletes the rules named `name` in the shared server: an attempt that failed midway leaves its
 * rule behind, which its retry and the next test would otherwise find twice.
 */
async function deleteRulesNamed(page: Page, baseURL: string, name: string) {
  const rules = `${baseURL}/api/orgs/acme/console/alerts`;
  const listed = await page.request.get(rules);
  if (!listed.ok()) return;
  const body = (await listed.json()) as { rules?: { id: string; name: string }[] };
  for (const rule of body.rules ?? []) {
    if (rule.name === name) await page.request.delete(`${rules}/${encodeURIComponent(rule.id)}`);
  }
}

test.describe('embedded service', () => {
  test.beforeEach(({ viaUpstream }) => {
    test.skip(viaUpstream, 'rules run in the embedded service only');
  });
  test.afterEach(async ({ page, baseURL, viaUpstream }) => {
    if (!viaUpstream) await deleteRulesNamed(page, baseURL!, 'Failures from one address');
  });

  test('creates a rule from the current search, turns it off and deletes it; the secret and URL never show', async ({
    page,
    context,
    baseURL,
    adminToken,
  }) => {
    await signInContext(context, baseURL!, adminToken);
    await openAlertsFromSearch(page);
    const form = page.getByRole('form', { name: 'New rule' });
    await expect(form.getByLabel('Search')).toHaveValue('failed:true');
    await form.getByLabel('Name').fill('Failures from one address');
    await form.getByLabel('When').selectOption({ label: 'Within 15 minutes' });
    await form.getByLabel('Matches needed').fill('6');
    await form.getByLabel('Counted per').selectOption({ label: 'Source IP' });
    await form.getByLabel('Webhook URL').fill(WEBHOOK);
    await form.getByLabel('Signing secret (optional)').fill(SECRET);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Create rule' }).click();
    await expect(form.getByRole('status')).toHaveText(
      'Rule “Failures from one address” created and on.',
    );

    const rules = page.getByRole('table', { name: 'Alert rules' });
    const row = rules.getByRole('row', { name: /Failures from one address/ });
    await expect(row).toContainText('failed:true');
    await expect(row).toContainText('6 or more matches per source IP within 15 minutes');
    await expect(row).toContainText('https://203.0.113.10');
    await expect(row).toContainText('JSON, signed');
    // Write-only: the form is cleared and nothing on the page holds the path or the secret.
    await expect(form.getByLabel('Webhook URL')).toHaveValue('');
    const html = await page.content();
    expect(html).not.toContain('do-not-show-this-path');
    expect(html).not.toContain(SECRET);

    await row.getByRole('checkbox').uncheck();
    await expect(row.getByRole('checkbox')).not.toBeChecked();
    await expect(row).toContainText('Off');
    await page.reload();
    await expect(
      page.getByRole('table', { name: 'Alert rules' }).getByRole('row', { name: /Failures/ }),
    ).toContainText('Off');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete rule Failures from one address' }).click();
    await expect(page.getByRole('row', { name: /Failures from one address/ })).toHaveCount(0);
  });
});

test.describe('embedded service, a refused webhook', () => {
  // The refusal is a 400 answer, which the browser logs.
  test.use({ allowConsoleErrors: [/status of 400/] });
  test.beforeEach(({ viaUpstream }) => {
    test.skip(viaUpstream, 'rules run in the embedded service only');
  });

  test('starts from a ready-made rule and says why a refused webhook is refused', async ({
    page,
    context,
    baseURL,
    adminToken,
  }) => {
    await signInContext(context, baseURL!, adminToken);
    await page.goto('/orgs/acme/alerts');
    await page.getByRole('button', { name: 'Start from Stack deleted' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await expect(form.getByLabel('Search')).toHaveValue('event:stack-deleted');
    await expect(form.getByLabel('When')).toHaveValue('0');
    await form.getByLabel('Webhook URL').fill('https://169.254.169.254/latest');
    await form.getByRole('button', { name: 'Create rule' }).click();
    await expect(form.getByRole('alert')).toContainText(
      '169.254.169.254 is a cloud metadata address',
    );
    await expect(page.getByRole('row', { name: /Failures from one address/ })).toHaveCount(0);
  });
});

test.describe('upstream mode', () => {
  // A pair of its own: Pulumi Cloud's stand-in, which the test writes events into, and a console
  // in upstream mode that reads it for the rules and may call a receiver on loopback.
  let server: TestServer;
  let proxy: TestServer;
  let receiver: WebhookReceiver;
  // Two servers of its own start first, and the job reads every 10 s.
  test.describe.configure({ timeout: 180_000 });
  test.beforeEach(async ({ viaUpstream }) => {
    test.skip(!viaUpstream, 'the embedded service runs rules on its own log');
    server = await startTestServer({ demoEvents: 200 });
    proxy = await startTestServer({
      env: { PULUMI_API_URL: server.baseURL, OUTBOUND_ALLOW: '127.0.0.1' },
    });
    receiver = await startWebhookReceiver();
  });
  test.afterEach(async () => {
    await receiver?.close();
    await proxy?.stop();
    await server?.stop();
  });

  test('with a token given once, the failure-burst rule delivers one signed alert per burst', async ({
    page,
    context,
  }) => {
    await signInContext(context, proxy.baseURL, server.adminToken);
    await page.goto(`${proxy.baseURL}/orgs/acme/alerts`);
    const reading = page.getByRole('form', { name: 'Reading Pulumi Cloud' });
    await expect(reading.getByText('No token: rules do not run yet')).toBeVisible();
    await reading.getByLabel('Access token for reading').fill(server.adminToken);
    await reading.getByRole('button', { name: 'Save token' }).click();
    await expect(reading.getByText('Token checked and kept.')).toBeVisible();
    await expect(reading.getByLabel('Replace the access token')).toHaveValue('');
    expect(await page.content()).not.toContain(server.adminToken);

    await page
      .getByRole('button', { name: 'Start from Authentication failures from one IP' })
      .click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Webhook URL').fill(`${receiver.origin}/burst`);
    await form.getByLabel('Signing secret (optional)').fill(SECRET);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Create rule' }).click();
    await expect(form.getByRole('status')).toContainText('created and on');

    // Six failures from one address within 15 minutes, four from another, as they are logged:
    // now (a read goes back two minutes for events that reach the log late, no further).
    const now = Math.floor(Date.now() / 1000);
    appendFailures(
      server,
      '198.51.100.7',
      [5, 4, 3, 2, 1, 0].map((s) => now - s),
    );
    appendFailures(
      server,
      '203.0.113.99',
      [4, 3, 2, 1].map((s) => now - s),
    );
    await expect.poll(() => receiver.received.length, { timeout: 45_000 }).toBe(1);
    const [delivery] = receiver.received;
    const alert = JSON.parse(delivery?.body ?? '{}') as { key: string; matchCount: number };
    expect(alert).toMatchObject({ key: '198.51.100.7', matchCount: 6 });
    const signature = String(delivery?.headers['x-audit-console-signature']);
    expect(verifySignature(signature, delivery?.body ?? '', SECRET, Date.now() / 1000)).toBe(true);

    // The same burst goes on: still one delivery once a pass has read the new failure and
    // delivered what it would, which the next read (passes run one at a time) shows.
    appendFailures(server, '198.51.100.7', [Math.floor(Date.now() / 1000)]);
    const appendedAt = Date.now();
    const afterAppend = await nextReadAfter(page, proxy.baseURL, appendedAt);
    await nextReadAfter(page, proxy.baseURL, afterAppend);
    expect(receiver.received).toHaveLength(1);
    await page.reload();
    await expect(
      page
        .getByRole('table', { name: /^Deliveries/ })
        .getByRole('row', { name: /198\.51\.100\.7/ }),
    ).toHaveCount(1);
  });
});
