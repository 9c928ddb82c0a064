/**
 * Proxy mode (PULUMI_API_URL): `/api/*` goes to Pulumi Cloud. node:http is used rather than
 * fetch because fetch would decompress gzip bodies (exports) we must pass through.
 *
 * The upstream request is built, never copied: an allow-list of headers, the credentials, and a
 * body only for methods that carry one, read whole (it is small) and sent with its exact length.
 * A client's `Content-Length` or `Transfer-Encoding` is never forwarded: on a kept-alive upstream
 * connection, a length without its body would make Pulumi read the next user's request as that
 * body (request desync).
 */
import http from 'node:http';
import https from 'node:https';
import type { Context, Handler } from 'hono';
import { effectiveAuthorization } from './auth/credentials.ts';
import type { AppEnv } from './http/app-env.ts';
import { errorBody, HttpError } from './http/pulumi-error.ts';
import { toClientResponse, UPSTREAM_MESSAGES } from './upstream-response.ts';

const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-encoding',
  'accept-language',
  'content-type',
  'if-none-match',
  'if-modified-since',
  'user-agent',
];
/** Pulumi's API takes small JSON bodies; the console itself only reads. */
const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;

export interface UpstreamOptions {
  base: URL;
  /** For the answer's headers, and again for each silence while its body streams. */
  timeoutMs: number;
}

/**
 * The upstream URL for a request, keeping any base path of PULUMI_API_URL:
 * `upstreamTarget(new URL('https://p/base'), 'http://me/api/user?x=1').href === 'https://p/base/api/user?x=1'`.
 */
export function upstreamTarget(base: URL, requestUrl: string): URL {
  const { pathname, search } = new URL(requestUrl);
  return new URL(`${base.pathname.replace(/\/$/, '')}${pathname}${search}`, base.origin);
}

async function requestBody(c: Context<AppEnv>): Promise<Buffer | undefined> {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return undefined;
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'invalid body: too large');
  const body = Buffer.from(await c.req.arrayBuffer());
  if (body.length > MAX_BODY_BYTES) throw new HttpError(413, 'invalid body: too large');
  return body;
}

function requestHeaders(c: Context<AppEnv>, body: Buffer | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers[name] = value;
  }
  const authorization = effectiveAuthorization(c);
  if (authorization !== undefined) headers.authorization = authorization;
  if (body) headers['content-length'] = String(body.length);
  return headers;
}

/** The `/api/*` handler of proxy mode. */
export function upstreamProxy({ base, timeoutMs }: UpstreamOptions): Handler<AppEnv> {
  const client = base.protocol === 'https:' ? https : http;
  return async (c) => {
    const body = await requestBody(c);
    return new Promise<Response>((resolve) => {
      const fail = (status: 502 | 504, message: string) => {
        clearTimeout(timer);
        resolve(c.json(errorBody(status, message), status));
      };
      const upstream = client.request(upstreamTarget(base, c.req.url), {
        method: c.req.method,
        headers: requestHeaders(c, body),
        timeout: timeoutMs,
      });
      const timer = setTimeout(() => {
        fail(504, UPSTREAM_MESSAGES.timeout);
        upstream.destroy();
      }, timeoutMs);
      upstream.on('response', (incoming) => {
        clearTimeout(timer);
        resolve(toClientResponse(c, incoming));
      });
      upstream.on('error', () => fail(502, UPSTREAM_MESSAGES.unreachable));
      upstream.on('timeout', () => upstream.destroy(new Error('upstream went silent')));
      c.req.raw.signal.addEventListener('abort', () => upstream.destroy());
      upstream.end(body);
    });
  };
}
