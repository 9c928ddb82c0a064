/**
 * A plain `fetch` sender: no redirects followed (a 3xx is an answer, not a new destination),
 * a time limit, and the receiver's body discarded unread. It checks no destination address;
 * that is the outbound guard's job (server/outbound/), which replaces this sender in main.ts.
 */
import type { WebhookSend } from './webhook-send.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export const fetchWebhookSend: WebhookSend = async ({ url, headers, body }) => {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new Error(timedOut ? 'no answer within 10 s' : 'could not connect to the receiver');
  }
  await response.body?.cancel();
  return { status: response.status };
};
