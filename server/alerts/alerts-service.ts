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
import type { WebhookSend } from './webhook-send.ts';

export interface AlertsService {
  alerts: AlertsStore;
  secretKey: Buffer;
  /** Starts the job; `origin` is the console's address for links in alerts. */
  startJob(origin: string): void;
  close(): Promise<void>;
}

export function openAlertsService(options: {
  dataDir: string;
  serverSecret: Buffer | string;
  audit: AuditStore;
  send: WebhookSend;
  log: LogLine;
}): AlertsService {
  const alerts = openAlertsStore(path.join(options.dataDir, 'alerts.db'));
  const secretKey = deriveKey(options.serverSecret, 'alert-secrets');
  let job: AlertJob | undefined;
  return {
    alerts,
    secretKey,
    startJob: (origin) => {
      job = createAlertJob({
        audit: options.audit,
        alerts,
        origin,
        send: options.send,
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
