/**
 * What of an upstream answer reaches the browser: an allow-list of headers (no CORS grants,
 * cookies or server banners from Pulumi Cloud), no redirects, and Pulumi-style JSON for errors
 * that arrive without it (a load balancer's HTML page, a bare 400 from a confused server).
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { errorBody } from './http/pulumi-error.ts';

/** Content description, caching validators and Retry-After; everything else stays upstream. */
const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'content-encoding',
  'content-length',
  'content-disposition',
  'content-language',
  'etag',
  'last-modified',
  'retry-after',
  'vary',
];

export const UPSTREAM_MESSAGES = {
  unreachable: 'Bad Gateway: the Pulumi API could not be reached.',
  redirect: 'Bad Gateway: the Pulumi API answered with a redirect, which is not followed.',
  timeout: 'Gateway Timeout: the Pulumi API did not answer in time.',
  opaque: 'The Pulumi API answered with an error this console cannot read.',
} as const;

/** The allowed headers of an upstream answer: `passedHeaders(incoming).get('set-cookie') === null`. */
export function passedHeaders(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = incoming.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return headers;
}

const isRedirect = (status: number) => status >= 300 && status < 400 && status !== 304;
const isJson = (incoming: IncomingMessage) =>
  /^application\/json\b/i.test(incoming.headers['content-type'] ?? '');

/** The browser's answer for an upstream response. */
export function toClientResponse(c: Context, incoming: IncomingMessage): Response {
  const status = incoming.statusCode ?? 502;
  if (isRedirect(status) || (status >= 400 && !isJson(incoming))) {
    incoming.resume();
    const message = isRedirect(status) ? UPSTREAM_MESSAGES.redirect : UPSTREAM_MESSAGES.opaque;
    // A redirect, or a status outside HTTP's error range, is the gateway's failure.
    const code = isRedirect(status) || status > 599 ? 502 : status;
    return c.json(errorBody(code, message), code as 502);
  }
  const bodyless = c.req.method === 'HEAD' || status === 204 || status === 304;
  if (bodyless) incoming.resume();
  const body = bodyless ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
  return new Response(body, { status, headers: passedHeaders(incoming) });
}
