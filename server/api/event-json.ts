import type { AuditLogEvent } from '../../src/lib/audit-log-types.ts';
import type { StoredEvent } from '../store/audit-store.ts';

/**
 * An avatar path made absolute for the caller; absolute URLs pass unchanged:
 * `absoluteUrl('/avatars/kim.svg', 'http://h:1') === 'http://h:1/avatars/kim.svg'`.
 */
export function absoluteUrl(pathOrUrl: string, origin: string): string {
  return new URL(pathOrUrl, origin).href;
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
