/**
 * Sends due deliveries: each attempt is kept (status and a short reason, never the receiver's
 * body); a failed attempt is retried after each delay of the schedule, then the delivery is
 * marked failed. The queue is in SQLite, so a restart resumes where it stopped.
 */
import { openSealedText } from '../session/session-seal.ts';
import {
  SIGNATURE_HEADER,
  signatureHeader,
  slackBody,
  type AlertMessage,
} from './alert-message.ts';
import {
  MAX_SEALED_WEBHOOK,
  sealedContext,
  type AlertsStore,
  type Delivery,
} from './alerts-store.ts';
import { WebhookRefused, type WebhookSend } from './webhook-send.ts';

export interface DeliveryOptions {
  store: AlertsStore;
  send: WebhookSend;
  /** Unseals webhook secrets (derived from the server's secret, purpose `alert-secrets`). */
  secretKey: Buffer;
  /** Milliseconds. */
  now: () => number;
  /** Milliseconds to wait after each failed attempt; its length + 1 is the number of attempts. */
  retryDelaysMs?: readonly number[];
}

/**
 * Five retries after the first attempt, spread over about an hour and a half, as webhook senders
 * commonly do: a receiver restarting is retried soon, one down for an hour still gets the alert.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  30_000,
  2 * 60_000,
  10 * 60_000,
  30 * 60_000,
  60 * 60_000,
];
const BATCH = 20;
const MAX_REASON = 120;

function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text || 'failed').replace(/\s+/g, ' ').slice(0, MAX_REASON);
}

/** The request for one delivery, or a reason it cannot be sent. */
function requestFor(
  delivery: Delivery,
  options: DeliveryOptions,
): { url: string; headers: Record<string, string>; body: string } | string {
  const rule = options.store.findRule(delivery.org, delivery.ruleId);
  if (!rule) return 'the rule was deleted';
  const message = JSON.parse(delivery.alert) as AlertMessage;
  const body = rule.webhookFormat === 'slack' ? slackBody(message) : JSON.stringify(message);
  const context = sealedContext(rule);
  const url = openSealedText(options.secretKey, rule.sealedWebhookUrl, context, MAX_SEALED_WEBHOOK);
  // Sealed under another SESSION_SECRET: an admin must give the URL and secret again.
  if (url === undefined) return 'the webhook URL cannot be read; set it again';
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'audit-log-console-alerts/1',
  };
  if (rule.sealedSecret !== null) {
    const secret = openSealedText(
      options.secretKey,
      rule.sealedSecret,
      context,
      MAX_SEALED_WEBHOOK,
    );
    if (secret === undefined) return 'the signing secret cannot be read; set it again';
    headers[SIGNATURE_HEADER] = signatureHeader(secret, body, Math.floor(options.now() / 1000));
  }
  return { url, headers, body };
}

async function attemptDelivery(delivery: Delivery, options: DeliveryOptions): Promise<void> {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const attempt = delivery.attempts + 1;
  const request = requestFor(delivery, options);
  let ok = false;
  let httpStatus: number | null = null;
  let reason: string;
  let final = typeof request === 'string';
  if (typeof request === 'string') {
    reason = request;
  } else {
    try {
      httpStatus = (await options.send(request)).status;
      ok = httpStatus >= 200 && httpStatus < 300;
      reason = ok ? 'delivered' : `the receiver answered HTTP ${httpStatus}`;
    } catch (error) {
      reason = shortReason(error);
      final = error instanceof WebhookRefused;
    }
  }
  const at = options.now();
  const wait = delays[attempt - 1];
  final ||= ok || wait === undefined;
  options.store.recordAttempt(
    delivery,
    { attempt, at, ok, httpStatus, reason },
    {
      status: ok ? 'delivered' : final ? 'failed' : 'pending',
      at: final || wait === undefined ? at : at + wait,
    },
  );
}

/** Sends every delivery due now, one at a time; returns how many were attempted. */
export async function deliverDue(options: DeliveryOptions): Promise<number> {
  let attempted = 0;
  for (;;) {
    const due = options.store.dueDeliveries(options.now(), BATCH);
    if (due.length === 0) return attempted;
    for (const delivery of due) {
      await attemptDelivery(delivery, options);
      attempted++;
    }
  }
}
