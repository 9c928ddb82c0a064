/**
 * The embedded service with alerts over real HTTP, a real alerts database, the alert job run by
 * hand, and a webhook receiver on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../app.ts';
import { deriveKey } from '../../secrets.ts';
import { openAuditStore, type AuditStore } from '../../store/audit-store.ts';
import { ADMIN_TOKEN, writeDirectory } from '../../testing/fixtures.ts';
import {
  closeServer,
  listenOnFreePort,
  TEST_CURSOR_KEY,
  TEST_SESSION_KEY,
  testAvatar,
} from '../../testing/test-server.ts';
import { createAlertJob, type AlertJob } from '../alert-job.ts';
import { openAlertsStore, type AlertsStore } from '../alerts-store.ts';
import { createOutboundGuard, type Resolve } from '../../outbound/outbound-guard.ts';
import { parseOutboundAllow } from '../../outbound/outbound-policy.ts';
import { guardedWebhookCheck, guardedWebhookSend } from '../guarded-webhook-send.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

export interface AlertsHarness {
  baseURL: string;
  audit: AuditStore;
  alerts: AlertsStore;
  /** Seals webhook URLs and secrets, as the service's own key does. */
  secretKey: Buffer;
  receiver: WebhookReceiver;
  job: AlertJob;
  /** Every line the app and the job logged. */
  logs: string[];
  call(
    method: string,
    pathAndQuery: string,
    options?: { body?: unknown; token?: string | null },
  ): Promise<Response>;
  close(): Promise<void>;
}

export const TEST_ORIGIN = 'https://audit.example.com';

/** Names the tests use, answered without DNS: a public address and a private one. */
const testResolve: Resolve = async (host) => {
  if (host === 'hooks.example.com') return [{ address: '93.184.215.14', family: 4 }];
  if (host === 'intranet.example.com') return [{ address: '10.20.30.40', family: 4 }];
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
};

/**
 * Webhooks go through the real outbound guard; OUTBOUND_ALLOW lists 127.0.0.1 so the loopback
 * receiver can be reached, as a deployment with a receiver on its own machine would.
 */
export async function startAlertsHarness(
  options: { retryDelaysMs?: number[] } = {},
): Promise<AlertsHarness> {
  const guard = createOutboundGuard(parseOutboundAllow('127.0.0.1'), { resolve: testResolve });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'alerts-test-'));
  const audit = openAuditStore(path.join(dataDir, 'audit.db'));
  writeDirectory(audit);
  const alerts = openAlertsStore(path.join(dataDir, 'alerts.db'));
  const secretKey = deriveKey(Buffer.alloc(32, 3), 'alert-secrets');
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const app = createApp({
    backend: {
      kind: 'local',
      store: audit,
      cursorKey: TEST_CURSOR_KEY,
      alerts: { alerts, secretKey, checkWebhookUrl: guardedWebhookCheck(guard) },
    },
    sessionKey: TEST_SESSION_KEY,
    renderAvatar: testAvatar,
    distDir: path.join(dataDir, 'no-dist'),
    log,
  });
  const { server, port } = await listenOnFreePort(app);
  const receiver = await startWebhookReceiver();
  const job = createAlertJob({
    audit,
    alerts,
    origin: TEST_ORIGIN,
    send: guardedWebhookSend(guard),
    secretKey,
    now: Date.now,
    intervalMs: 60_000,
    log,
    retryDelaysMs: options.retryDelaysMs ?? [0, 0, 0, 0, 0],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  return {
    baseURL,
    audit,
    alerts,
    secretKey,
    receiver,
    job,
    logs,
    call: (method, pathAndQuery, { body, token = ADMIN_TOKEN } = {}) =>
      fetch(`${baseURL}${pathAndQuery}`, {
        method,
        headers: {
          ...(token === null ? {} : { Authorization: `token ${token}` }),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: async () => {
      await job.stop();
      await receiver.close();
      await closeServer(server);
      alerts.close();
      audit.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
