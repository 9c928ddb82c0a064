/**
 * The address to come back to after sign-in: only a same-site path with its query, never a full
 * URL (an open redirect) and never anything but what the URL already showed (no token).
 */

export const SIGN_IN_PATH = '/sign-in';
const BASE = 'http://console.invalid';

/** A path the browser would read as another host: `//host`, or `/\host` (a backslash). */
const OFF_ORIGIN = /^\/[/\\]/;

/**
 * The path and query of `value` when it is a safe place to return to, else undefined. The
 * decision is made on the normalised path (dot segments resolved, `%2e` decoded, tabs and line
 * breaks dropped, as the browser will), so `/.//evil.example` cannot become `//evil.example`:
 * `safeReturnTo('/orgs/acme/audit-logs?tz=utc') === '/orgs/acme/audit-logs?tz=utc'`,
 * `safeReturnTo('//evil.example/') === undefined`.
 */
export function safeReturnTo(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || OFF_ORIGIN.test(value) || value.includes('\\')) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  const path = url.pathname + url.search;
  if (url.origin !== BASE || OFF_ORIGIN.test(path) || path.includes('\\')) return undefined;
  if (url.pathname === SIGN_IN_PATH || url.pathname === '/') return undefined;
  return path;
}

/** `signInPath('/orgs/acme/audit-logs?tz=utc') === '/sign-in?returnTo=%2Forgs%2Facme%2Faudit-logs%3Ftz%3Dutc'`. */
export function signInPath(returnTo?: string): string {
  const safe = safeReturnTo(returnTo);
  return safe ? `${SIGN_IN_PATH}?${new URLSearchParams({ returnTo: safe })}` : SIGN_IN_PATH;
}

/** The organization a return address points into: `orgOfPath('/orgs/acme/audit-logs') === 'acme'`. */
export function orgOfPath(path: string | undefined): string | undefined {
  const match = /^\/orgs\/([^/?#]+)/.exec(path ?? '');
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
