import { hostname } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './pulumi-error.ts';

/**
 * Whether the browser talks https to us: directly, or through a TLS-terminating proxy that says
 * so in `X-Forwarded-Proto` (`X-Forwarded-Proto: https` → true).
 */
export function isHttpsRequest(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:';
}

/**
 * The origin the browser used to reach us: PUBLIC_URL's when configured, else from the Host
 * header (which the Vite dev proxy keeps), checked by `hostCheck`: `http://127.0.0.1:8080`.
 */
export function requestOrigin(c: Context<AppEnv>): string {
  const configured = c.get('publicOrigin');
  if (configured) return configured;
  const url = new URL(c.req.url);
  // An empty Host (HTTP/1.0 clients, hand-made requests) must not turn into a 500 when avatar
  // URLs are built from it.
  const host = [c.req.header('host'), url.host].find(isUsableHost) ?? 'localhost';
  return `${isHttpsRequest(c) ? 'https' : 'http'}://${host}`;
}

/** This server's name for CEF's `dvchost`: PUBLIC_URL's host, else the machine's, never Host's. */
export function serverHostName(c: Context<AppEnv>): string {
  const configured = c.get('publicOrigin');
  return configured ? new URL(configured).hostname : hostname();
}

/** `isUsableHost('127.0.0.1:8080') === true`, `isUsableHost('') === false`. */
export function isUsableHost(host: string | undefined): host is string {
  if (!host) return false;
  try {
    return new URL(`http://${host}`).host !== '';
  } catch {
    return false;
  }
}

/** A DNS name (at most 253 characters) or an IP literal, with an optional port. */
const VALID_HOST = /^(?:[A-Za-z0-9._-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * Refuses a Host that is no host name (`evil/x`, 15 KB of letters) with a Pulumi-style 400, so
 * whatever echoes the origin (avatar URLs, the sign-in Origin check) sees only a real name; an
 * empty Host is let through for HTTP/1.0 clients. Also records PUBLIC_URL's origin for
 * `requestOrigin`.
 */
export function hostCheck(publicOrigin: string | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const host = c.req.header('host');
    if (host && !VALID_HOST.test(host)) {
      throw new HttpError(400, 'Bad Request: the Host header is not a host name.');
    }
    if (publicOrigin) c.set('publicOrigin', publicOrigin);
    await next();
  };
}
