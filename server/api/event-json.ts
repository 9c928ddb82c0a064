import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import type { StoredEvent } from '../store/audit-store.ts';

// A page of 10,000 events names a few dozen users: parsing a URL per event was a fifth of the
// time a large page took to build.
const absoluteUrls = new Map<string, string>();
const MAX_CACHED_URLS = 10_000;

/**
 * An avatar path made absolute for the caller; absolute URLs pass unchanged:
 * `absoluteUrl('/avatars/kim.svg', 'http://h:1') === 'http://h:1/avatars/kim.svg'`.
 */
export function absoluteUrl(pathOrUrl: string, origin: string): string {
  const key = `${origin} ${pathOrUrl}`;
  let url = absoluteUrls.get(key);
  if (url === undefined) {
    // Bounded because the origin comes from the request's Host header.
    if (absoluteUrls.size >= MAX_CACHED_URLS) absoluteUrls.clear();
    url = new URL(pathOrUrl, origin).href;
    absoluteUrls.set(key, url);
  }
  return url;
}

/** The generated avatar of a login: `defaultAvatarPath('kim') === '/avatars/kim.svg'`. */
export function defaultAvatarPath(login: string): string {
  return `/avatars/${encodeURIComponent(login)}.svg`;
}

/**
 * A stored event in the API's shape, leaving out false flags and empty strings as Pulumi does;
 * users no longer in the directory show their login as the name:
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
      avatarUrl: absoluteUrl(row.userAvatarPath ?? defaultAvatarPath(row.userLogin), origin),
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
