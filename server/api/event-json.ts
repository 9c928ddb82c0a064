import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import type { StoredEvent } from '../store/audit-store.ts';
import { generatedAvatarPath } from '../../common/avatar/generated-avatar.ts';

// A page of 10,000 events names a few dozen users: parsing a URL per event was a fifth of the
// time a large page took to build. Keyed by the stored value only (never by the caller's
// origin), so its size follows the directory, not the requests.
const avatarPaths = new Map<string, string | null>();
const MAX_CACHED_PATHS = 10_000;
const PROBE_ORIGIN = 'http://avatar.invalid';

/** How many stored avatar values are cached (for tests of its bound). */
export const cachedAvatarPaths = () => avatarPaths.size;

/** An https URL as it is, a same-origin path normalised, anything else (`//host/x`) null. */
function resolveStored(stored: string): string | null {
  try {
    if (/^https:\/\//i.test(stored)) return new URL(stored).href;
    if (!stored.startsWith('/')) return null;
    const url = new URL(stored, PROBE_ORIGIN);
    return url.origin === PROBE_ORIGIN ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/** The generated avatar of a login: `defaultAvatarPath('kim') === '/avatars/kim.svg'`. */
export const defaultAvatarPath = generatedAvatarPath;

/**
 * A stored avatar as a URL for the caller: a path on this server made absolute on `origin`, an
 * https URL unchanged, and anything else (`//host/x`, `javascript:`) the login's generated one:
 * `avatarUrl('/avatars/kim.svg', 'kim', 'http://h:1') === 'http://h:1/avatars/kim.svg'`.
 */
export function avatarUrl(stored: string | null, login: string, origin: string): string {
  const key = stored ?? defaultAvatarPath(login);
  let resolved = avatarPaths.get(key);
  if (resolved === undefined) {
    if (avatarPaths.size >= MAX_CACHED_PATHS) avatarPaths.clear();
    resolved = resolveStored(key);
    avatarPaths.set(key, resolved);
  }
  if (resolved === null) return `${origin}${defaultAvatarPath(login)}`;
  return resolved.startsWith('/') ? `${origin}${resolved}` : resolved;
}

/**
 * A stored event in the API's shape, leaving out false flags and empty strings as Pulumi does;
 * users the directory did not know when the event was written show their login as the name:
 * `toAuditLogEvent(row, 'http://h').user.avatarUrl === 'http://h/avatars/kim.svg'`.
 */
export function toAuditLogEvent(row: StoredEvent, origin: string): AuditLogEvent {
  const event: AuditLogEvent = {
    timestamp: row.timestamp,
    sourceIP: row.sourceIP,
    event: row.event,
    description: row.description,
    user: {
      name: row.userName ?? row.userLogin,
      githubLogin: row.userLogin,
      avatarUrl: avatarUrl(row.userAvatarPath, row.userLogin, origin),
    },
  };
  if (row.tokenID) event.tokenID = row.tokenID;
  if (row.tokenName) event.tokenName = row.tokenName;
  if (row.reqOrgAdmin) event.reqOrgAdmin = true;
  if (row.reqStackAdmin) event.reqStackAdmin = true;
  if (row.authFailure) event.authFailure = true;
  if (row.actorName) event.actorName = row.actorName;
  if (row.actorUrn) event.actorUrn = row.actorUrn;
  return event;
}
