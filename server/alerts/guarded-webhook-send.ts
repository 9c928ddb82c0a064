/**
 * Webhooks leave through the outbound guard (server/outbound/, decision note 020): destinations
 * on loopback, private or metadata addresses are refused unless OUTBOUND_ALLOW lists them, no
 * redirect is followed, and only a status line comes back. `http` is allowed, as for a receiver
 * on the deployment's own network, only to what OUTBOUND_ALLOW lists.
 */
import type { OutboundGuard } from '../outbound/outbound-guard.ts';
import { isOutboundRefusal } from '../outbound/outbound-policy.ts';
import { WebhookRefused, type WebhookSend } from './webhook-send.ts';

export function guardedWebhookSend(guard: OutboundGuard): WebhookSend {
  return async ({ url, headers, body }) => {
    let result;
    try {
      result = await guard.request(url, { method: 'POST', headers, body, allowHttp: true });
    } catch (error) {
      if (isOutboundRefusal(error)) throw new WebhookRefused((error as Error).message);
      throw error;
    }
    // Status 0: no answer came (refused connection, timeout); the reason says which.
    if (result.status === 0) throw new Error(result.reason);
    return { status: result.status };
  };
}

/** At save time: refuses a URL the guard would refuse, with the guard's message. */
export function guardedWebhookCheck(guard: OutboundGuard) {
  return async (url: string): Promise<string | undefined> => {
    try {
      await guard.check(url, { allowHttp: true });
      return undefined;
    } catch (error) {
      // A name that does not resolve now may resolve later; only the policy's refusal counts.
      return isOutboundRefusal(error) ? (error as Error).message : undefined;
    }
  };
}
