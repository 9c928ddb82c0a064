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
  // An empty or malformed Host (HTTP/1.0 clients, hand-made requests) must not turn into a 500
  // when avatar URLs are built from it.
  const host = [c.req.header('host'), url.host].find(isUsableHost) ?? 'localhost';
  return `${isHttpsRequest(c) ? 'https' : 'http'}://${host}`;
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
