/**
 * The console's alerts, as main.ts starts them: the store in `$DATA_DIR/alerts.db`, the key that
 * seals webhook URLs, secrets and upstream tokens, and (with `JOBS=on`) the job. The embedded
 * service evaluates its own audit log; upstream mode reads Pulumi Cloud's first.
 */
import path from 'node:path';
import type { LogLine } from '../log-line.ts';
import { deriveKey } from '../secrets.ts';
import type { AuditStore } from '../store/audit-store.ts';
import type { UpstreamOptions } from '../upstream-proxy.ts';
import { auditEventSource } from './alert-event-source.ts';
import { createAlertJob, DEFAULT_ALERT_INTERVAL_MS, type AlertJob } from './alert-job.ts';
import { openAlertsStore, type AlertsStore } from './alerts-store.ts';
import type { OutboundGuard } from '../outbound/outbound-guard.ts';
import { guardedWebhookCheck, guardedWebhookSend } from './guarded-webhook-send.ts';
import { readNewUpstreamEvents } from './upstream/read-new-upstream-events.ts';

export interface AlertsService {
  alerts: AlertsStore;
  secretKey: Buffer;
  checkWebhookUrl: (url: string) => Promise<string | undefined>;
  /** Starts the job; `origin` is the console's address for links in alerts. */
  startJob(origin: string): void;
  close(): Promise<void>;
}

/** Where the rules' events come from: this server's audit log, or Pulumi Cloud. */
export type AlertEvents = { audit: AuditStore } | { upstream: UpstreamOptions };

export function openAlertsService(options: {
  dataDir: string;
  serverSecret: Buffer | string;
  events: AlertEvents;
  guard: OutboundGuard;
  log: LogLine;
}): AlertsService {
  const alerts = openAlertsStore(path.join(options.dataDir, 'alerts.db'));
  const secretKey = deriveKey(options.serverSecret, 'alert-secrets');
  const { events, log } = options;
  let job: AlertJob | undefined;
  return {
    alerts,
    secretKey,
    checkWebhookUrl: guardedWebhookCheck(options.guard),
    startJob: (origin) => {
      job = createAlertJob({
        source: 'audit' in events ? auditEventSource(events.audit, origin) : alerts.upstream.source,
        readNewEvents:
          'upstream' in events
            ? (signal: AbortSignal) =>
                readNewUpstreamEvents({
                  store: alerts.upstream,
                  ...events.upstream,
                  secretKey,
                  now: Date.now,
                  log,
                  signal,
                })
            : undefined,
        alerts,
        origin,
        send: guardedWebhookSend(options.guard),
        secretKey,
        now: Date.now,
        intervalMs: DEFAULT_ALERT_INTERVAL_MS,
        log,
      });
      job.start();
    },
    close: async () => {
      await job?.stop();
      alerts.close();
    },
  };
}
