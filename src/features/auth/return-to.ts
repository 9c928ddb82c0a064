/**
 * The address to come back to after sign-in: only a same-site path with its query, never a full
 * URL (an open redirect) and never anything but what the URL already showed (no token).
 */

export const SIGN_IN_PATH = '/sign-in';
const BASE = 'http://console.invalid';

/**
 * The path and query of `value` when it is a safe place to return to, else undefined:
 * `safeReturnTo('/orgs/acme/audit-logs?tz=utc') === '/orgs/acme/audit-logs?tz=utc'`,
 * `safeReturnTo('//evil.example/') === undefined`.
 */
export function safeReturnTo(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE || url.pathname === SIGN_IN_PATH || url.pathname === '/')
    return undefined;
  return url.pathname + url.search;
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
