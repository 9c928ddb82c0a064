/**
 * The one check of a V2 list page, at the boundary, for the table, the export and the embedded
 * service's own tests. It is lenient exactly where Pulumi is (spec/pulumi/API-NOTES.md: every
 * event field but the time, the event id and the user's login may be omitted) and strict about
 * types, so a changed API or a proxy's page fails its page with a clear message instead of
 * breaking rows later. Events are returned as the API sent them, never copied, so JSON Lines
 * exports keep the API's bytes and a million events cost no extra allocation.
 */
import { InvalidAnswerError, isJsonObject, type Fields } from './invalid-answer.ts';
import type { AuditLogEvent } from './wire-types.ts';

/** A 200 answer that is not an audit-log page (a proxy's page, a changed API). */
export class AuditLogPageError extends InvalidAnswerError {
  constructor(problem: string) {
    super(`audit log page: ${problem}`);
    this.name = 'AuditLogPageError';
  }
}

/** A checked page: events as sent, and the next page's token (undefined on the last page). */
export interface CheckedAuditLogPage {
  auditLogEvents: AuditLogEvent[];
  continuationToken: string | undefined;
}

/** The event's optional fields, by the type the API sends them as (the range index's columns). */
export const EVENT_STRINGS = [
  'sourceIP',
  'description',
  'tokenID',
  'tokenName',
  'actorName',
  'actorUrn',
] as const;
export const EVENT_BOOLEANS = ['reqOrgAdmin', 'reqStackAdmin', 'authFailure'] as const;
const USER_STRINGS = ['name', 'avatarUrl', 'email'] as const;

/** The first optional field present with the wrong type, if any. */
function badOptional(fields: Fields, keys: readonly string[], type: string): string | undefined {
  for (const key of keys) {
    const value = fields[key];
    if (value !== undefined && value !== null && typeof value !== type) return key;
  }
  return undefined;
}

/** What is wrong with one event, or undefined when it is valid. */
function eventProblem(value: unknown): string | undefined {
  if (!isJsonObject(value)) return 'is not an object';
  if (typeof value.timestamp !== 'number' || !Number.isFinite(value.timestamp)) return 'timestamp';
  if (typeof value.event !== 'string') return 'event';
  const user = value.user;
  if (!isJsonObject(user)) return 'user';
  if (typeof user.githubLogin !== 'string') return 'user.githubLogin';
  const badUser = badOptional(user, USER_STRINGS, 'string');
  if (badUser) return `user.${badUser}`;
  return (
    badOptional(value, EVENT_STRINGS, 'string') ?? badOptional(value, EVENT_BOOLEANS, 'boolean')
  );
}

/**
 * Checks a page, or throws `AuditLogPageError` naming the first bad field:
 * `checkAuditLogPage({auditLogEvents: null}).auditLogEvents` → `[]` (Go writes an empty list as
 * null); a body without `auditLogEvents` is not a page.
 */
export function checkAuditLogPage(body: unknown): CheckedAuditLogPage {
  if (!isJsonObject(body)) throw new AuditLogPageError('the answer is not an object');
  const events = body.auditLogEvents === null ? [] : body.auditLogEvents;
  if (!Array.isArray(events)) throw new AuditLogPageError('auditLogEvents is missing');
  const token = body.continuationToken;
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw new AuditLogPageError('continuationToken is not a string');
  }
  for (let index = 0; index < events.length; index++) {
    const problem = eventProblem(events[index]);
    if (problem) throw new AuditLogPageError(`event ${index}: bad ${problem}`);
  }
  // The last page omits the token, or sends it empty or null: all mean "no more pages".
  return { auditLogEvents: events as AuditLogEvent[], continuationToken: token || undefined };
}
