/**
 * The embedded service's alerts, as main.ts starts them: the store in `$DATA_DIR/alerts.db`,
 * the key that seals webhook URLs and secrets, and (with `JOBS=on`) the job.
 */
import path from 'node:path';
import type { LogLine } from '../log-line.ts';
import { deriveKey } from '../secrets.ts';
import type { AuditStore } from '../store/audit-store.ts';
import { createAlertJob, DEFAULT_ALERT_INTERVAL_MS, type AlertJob } from './alert-job.ts';
import { openAlertsStore, type AlertsStore } from './alerts-store.ts';
import type { OutboundGuard } from '../outbound/outbound-guard.ts';
import { guardedWebhookCheck, guardedWebhookSend } from './guarded-webhook-send.ts';

export interface AlertsService {
  alerts: AlertsStore;
  secretKey: Buffer;
  checkWebhookUrl: (url: string) => Promise<string | undefined>;
  /** Starts the job; `origin` is the console's address for links in alerts. */
  startJob(origin: string): void;
  close(): Promise<void>;
}

export function openAlertsService(options: {
  dataDir: string;
  serverSecret: Buffer | string;
  audit: AuditStore;
  guard: OutboundGuard;
  log: LogLine;
}): AlertsService {
  const alerts = openAlertsStore(path.join(options.dataDir, 'alerts.db'));
  const secretKey = deriveKey(options.serverSecret, 'alert-secrets');
  let job: AlertJob | undefined;
  return {
    alerts,
    secretKey,
    checkWebhookUrl: guardedWebhookCheck(options.guard),
    startJob: (origin) => {
      job = createAlertJob({
        audit: options.audit,
        alerts,
        origin,
        send: guardedWebhookSend(options.guard),
        secretKey,
        now: Date.now,
        intervalMs: DEFAULT_ALERT_INTERVAL_MS,
        log: options.log,
      });
      job.start();
    },
    close: async () => {
      await job?.stop();
      alerts.close();
    },
  };
}
