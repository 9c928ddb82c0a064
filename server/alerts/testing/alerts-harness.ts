/**
 * The console with alerts over real HTTP, a real alerts database, the alert job run by hand, and
 * a webhook receiver on loopback. Embedded: the service evaluates its own log. Upstream: a
 * second app in upstream mode reads the first as its "Pulumi Cloud" (which a test may make
 * misbehave), with the job's token given through the API as an admin would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import path from 'node:path';
import { createApp } from '../../app.ts';
import { deriveKey } from '../../secrets.ts';
import { openAuditStore, type AuditStore } from '../../store/audit-store.ts';
import { ADMIN_TOKEN, BASE_TIME, writeDirectory } from '../../testing/fixtures.ts';
import {
  closeServer,
  listenOnFreePort,
  TEST_CURSOR_KEY,
  TEST_SESSION_KEY,
  testAvatar,
} from '../../testing/test-server.ts';
import { auditEventSource } from '../alert-event-source.ts';
import { createAlertJob, type AlertJob } from '../alert-job.ts';
import { readNewUpstreamEvents } from '../upstream/read-new-upstream-events.ts';
import { openAlertsStore, type AlertsStore } from '../alerts-store.ts';
import { createOutboundGuard, type Resolve } from '../../outbound/outbound-guard.ts';
import { parseOutboundAllow } from '../../outbound/outbound-policy.ts';
import { guardedWebhookCheck, guardedWebhookSend } from '../guarded-webhook-send.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

export interface AlertsHarness {
  baseURL: string;
  /** Where audit.db and alerts.db are. */
  dataDir: string;
  audit: AuditStore;
  alerts: AlertsStore;
  /** Seals webhook URLs and secrets, as the service's own key does. */
  secretKey: Buffer;
  receiver: WebhookReceiver;
  job: AlertJob;
  /** Upstream mode: every request "Pulumi Cloud" received (path and query). */
  upstreamRequests: string[];
  /** Upstream mode: answers "Pulumi Cloud" gives instead of its own while this returns one. */
  upstreamFault: { answer?: (url: URL) => Response | undefined };
  /** Upstream mode: the waits the reader asked for (it does not really wait). */
  sleeps: number[];
  /** Upstream mode: the routes' and the reader's clock, in ms; the tests move it. */
  clock: { ms: number };
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
  options: {
    retryDelaysMs?: number[];
    mode?: 'embedded' | 'upstream';
    /** Upstream mode: the reader really waits out `Retry-After` (tests of stopping mid-wait). */
    realWaits?: boolean;
  } = {},
): Promise<AlertsHarness> {
  const guard = createOutboundGuard(parseOutboundAllow('127.0.0.1'), { resolve: testResolve });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'alerts-test-'));
  const audit = openAuditStore(path.join(dataDir, 'audit.db'));
  writeDirectory(audit);
  const alerts = openAlertsStore(path.join(dataDir, 'alerts.db'));
  const secretKey = deriveKey(Buffer.alloc(32, 3), 'alert-secrets');
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const routeDeps = { alerts, secretKey, checkWebhookUrl: guardedWebhookCheck(guard) };
  const embedded = createApp({
    backend: {
      kind: 'local',
      store: audit,
      cursorKey: TEST_CURSOR_KEY,
      alerts: options.mode === 'upstream' ? undefined : routeDeps,
    },
    sessionKey: TEST_SESSION_KEY,
    renderAvatar: testAvatar,
    distDir: path.join(dataDir, 'no-dist'),
    log,
  });
  const jobOptions = {
    alerts,
    origin: TEST_ORIGIN,
    send: guardedWebhookSend(guard),
    secretKey,
    now: Date.now,
    intervalMs: 60_000,
    log,
    retryDelaysMs: options.retryDelaysMs ?? [0, 0, 0, 0, 0],
  };
  const servers: Server[] = [];
  const upstreamRequests: string[] = [];
  const upstreamFault: AlertsHarness['upstreamFault'] = {};
  const sleeps: number[] = [];
  // Upstream mode's clock: the token is given a minute before the tests' events, which are read
  // a day later.
  const clock = { ms: (BASE_TIME - 60) * 1000 };
  let app = embedded;
  let job = createAlertJob({ ...jobOptions, source: auditEventSource(audit, TEST_ORIGIN) });
  if (options.mode === 'upstream') {
    const pulumi = await listenOnFreePort({
      fetch: (request) => {
        const url = new URL(request.url);
        upstreamRequests.push(url.pathname + url.search);
        return upstreamFault.answer?.(url) ?? embedded.fetch(request);
      },
    });
    servers.push(pulumi.server);
    const base = new URL(`http://127.0.0.1:${pulumi.port}`);
    const now = () => clock.ms;
    app = createApp({
      backend: { kind: 'proxy', upstreamUrl: base, alerts: { ...routeDeps, now } },
      sessionKey: TEST_SESSION_KEY,
      renderAvatar: testAvatar,
      distDir: path.join(dataDir, 'no-dist'),
      log,
    });
    job = createAlertJob({
      ...jobOptions,
      source: alerts.upstream.source,
      readNewEvents: (signal) =>
        readNewUpstreamEvents({
          store: alerts.upstream,
          base,
          timeoutMs: 5000,
          secretKey,
          now,
          log,
          signal,
          sleep: options.realWaits ? undefined : async (ms) => void sleeps.push(ms),
        }),
    });
  }
  const { server, port } = await listenOnFreePort(app);
  servers.push(server);
  const receiver = await startWebhookReceiver();
  const baseURL = `http://127.0.0.1:${port}`;
  const harness: AlertsHarness = {
    baseURL,
    dataDir,
    audit,
    alerts,
    secretKey,
    receiver,
    job,
    upstreamRequests,
    upstreamFault,
    sleeps,
    clock,
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
      for (const open of servers) await closeServer(open);
      alerts.close();
      audit.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (options.mode === 'upstream') {
    const given = await harness.call('PUT', '/api/orgs/acme/console/alerts/reader', {
      body: { token: ADMIN_TOKEN },
    });
    if (given.status !== 200) throw new Error(`the reader token was refused: ${given.status}`);
    clock.ms = (BASE_TIME + 86_400) * 1000;
  }
  return harness;
}
