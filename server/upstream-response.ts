/**
 * What of an upstream answer reaches the browser: an allow-list of headers (no CORS grants,
 * cookies or server banners from Pulumi Cloud), no redirects, Pulumi-style JSON for errors
 * that arrive without it (a load balancer's HTML page, a bare 400 from a confused server), and
 * bodies only of the types the API sends: served from the console's origin, an upstream HTML
 * or SVG page would run as the console.
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
  unexpectedType:
    'Bad Gateway: the Pulumi API answered with a content type this console does not pass on.',
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

const EXPORT_PATH = /\/auditlogs(\/v2)?\/export$/;
/** CSV, CEF (our service sends it as text), and gzip as Pulumi's export may be labelled. */
const EXPORT_TYPE =
  /^(text\/csv|text\/plain|application\/(x-)?gzip|application\/octet-stream)\s*(;|$)/i;
/** What an export answer without a type is passed as: a download, never a page. */
const UNLABELLED_EXPORT_TYPE = 'application/octet-stream';

/**
 * Whether a success answer's body may reach the browser: JSON anywhere, an export's types on the
 * export paths (Pulumi documents its export as sent without a type), an empty body anywhere:
 * `passesBody('/api/user', 'text/html', undefined) === false`.
 */
export function passesBody(path: string, contentType?: string, length?: string): boolean {
  if (length === '0') return true;
  if (/^application\/json\s*(;|$)/i.test(contentType ?? '')) return true;
  if (!EXPORT_PATH.test(path)) return false;
  return contentType === undefined || EXPORT_TYPE.test(contentType);
}

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
  const { 'content-type': type, 'content-length': length } = incoming.headers;
  if (!bodyless && !passesBody(c.req.path, type, length)) {
    incoming.destroy();
    return c.json(errorBody(502, UPSTREAM_MESSAGES.unexpectedType), 502);
  }
  if (bodyless) incoming.resume();
  const body = bodyless ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
  const headers = passedHeaders(incoming);
  if (type === undefined && !bodyless) headers.set('content-type', UNLABELLED_EXPORT_TYPE);
  return new Response(body, { status, headers });
}
