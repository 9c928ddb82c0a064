/**
 * The one door webhook requests leave by. Delivery code only sees `WebhookSend`, so the
 * outbound guard (server/outbound/) is wired in one place: main.ts hands its sender here.
 */

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What came back: the status only. The receiver's body is never read into history or logs. */
export interface WebhookAnswer {
  status: number;
}

/** Sends one POST; rejects with an `Error` whose message is a short reason in our words. */
export type WebhookSend = (request: WebhookRequest) => Promise<WebhookAnswer>;

/** A destination the outbound policy refuses: retrying cannot help, so the delivery fails. */
export class WebhookRefused extends Error {
  override name = 'WebhookRefused';
}
