/** A webhook receiver on loopback for tests: records every request, answers as it is told. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  received: ReceivedWebhook[];
  /** Statuses for the next requests, in order; when used up, 200. */
  failWith(...statuses: number[]): void;
  close(): Promise<void>;
}

/** A body a failing receiver sends, which must never reach history, answers or logs. */
export const RECEIVER_ERROR_BODY = 'receiver-said-something-private';

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = statuses.shift() ?? 200;
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(status === 200 ? 'ok' : RECEIVER_ERROR_BODY);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    failWith: (...next) => statuses.push(...next),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A receiver's check of `X-Audit-Console-Signature`, written from the README's description, not
 * from our signer: `t` within 5 minutes of `nowSeconds`, `v1` the HMAC of `"<t>.<body>"`.
 */
export function verifySignature(
  header: string,
  body: string,
  secret: string,
  nowSeconds: number,
): boolean {
  const parts = Object.fromEntries(
    header.split(',').map((p) => p.split('=', 2) as [string, string]),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
