import type { Context } from 'hono';

/**
 * Whether the browser talks https to us: directly, or through a TLS-terminating proxy that says
 * so in `X-Forwarded-Proto` (`X-Forwarded-Proto: https` → true).
 */
export function isHttpsRequest(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:';
}

/**
 * The origin the browser used to reach us, from the Host header (which the Vite dev proxy keeps):
 * `http://127.0.0.1:8080`.
 */
export function requestOrigin(c: Context): string {
  const url = new URL(c.req.url);
  const host = c.req.header('host') ?? url.host;
  return `${isHttpsRequest(c) ? 'https' : 'http'}://${host}`;
}
