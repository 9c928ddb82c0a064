/**
 * Proxy mode (PULUMI_API_URL): `/api/*` goes to Pulumi Cloud byte for byte. node:http is used
 * rather than fetch because fetch would decompress gzip bodies (exports) we must pass through.
 * Credentials come from the Authorization header or the session cookie; cookies, hop-by-hop
 * headers and upstream Set-Cookie never cross.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { Context, Handler } from 'hono';
import { effectiveAuthorization } from './auth/credentials.ts';
import type { AppEnv } from './http/app-env.ts';
import { errorBody } from './http/pulumi-error.ts';

const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-encoding',
  'accept-language',
  'content-type',
  'content-length',
  'if-none-match',
  'if-modified-since',
  'user-agent',
];
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const IDLE_TIMEOUT_MS = 60_000;
const BAD_GATEWAY = 'Bad Gateway: the Pulumi API could not be reached.';

/**
 * The upstream URL for a request, keeping any base path of PULUMI_API_URL:
 * `upstreamTarget(new URL('https://p/base'), 'http://me/api/user?x=1').href === 'https://p/base/api/user?x=1'`.
 */
export function upstreamTarget(base: URL, requestUrl: string): URL {
  const { pathname, search } = new URL(requestUrl);
  return new URL(`${base.pathname.replace(/\/$/, '')}${pathname}${search}`, base.origin);
}

function requestHeaders(c: Context<AppEnv>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers[name] = value;
  }
  const authorization = effectiveAuthorization(c);
  if (authorization !== undefined) headers.authorization = authorization;
  return headers;
}

/** Upstream response headers minus hop-by-hop ones (also those named in `Connection`) and cookies. */
export function responseHeaders(incoming: IncomingMessage): Headers {
  const named = String(incoming.headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (
      value === undefined ||
      HOP_BY_HOP.has(name) ||
      named.includes(name) ||
      name === 'set-cookie'
    )
      continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

function toResponse(c: Context, incoming: IncomingMessage): Response {
  const status = incoming.statusCode ?? 502;
  const bodyless = c.req.method === 'HEAD' || status === 204 || status === 304;
  if (bodyless) incoming.resume();
  const body = bodyless ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
  return new Response(body, { status, headers: responseHeaders(incoming) });
}

/** The `/api/*` handler of proxy mode. */
export function upstreamProxy(base: URL): Handler<AppEnv> {
  const client = base.protocol === 'https:' ? https : http;
  return (c) =>
    new Promise<Response>((resolve) => {
      const badGateway = () => resolve(c.json(errorBody(502, BAD_GATEWAY), 502));
      const upstream = client.request(upstreamTarget(base, c.req.url), {
        method: c.req.method,
        headers: requestHeaders(c),
        timeout: IDLE_TIMEOUT_MS,
      });
      upstream.on('response', (incoming) => resolve(toResponse(c, incoming)));
      upstream.on('error', badGateway);
      upstream.on('timeout', () => upstream.destroy(new Error('upstream timed out')));
      c.req.raw.signal.addEventListener('abort', () => upstream.destroy());
      const body = c.req.raw.body;
      if (body && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
        Readable.fromWeb(body as import('node:stream/web').ReadableStream).pipe(upstream);
      } else {
        upstream.end();
      }
    });
}
