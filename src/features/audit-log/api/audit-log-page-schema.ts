/**
 * Runtime check of a V2 page at the boundary: a malformed answer fails its page with a clear
 * error instead of breaking rows later. Flags and token fields default as Pulumi omits them.
 * Plain checks rather than a schema library, which would weigh more than this whole feature.
 */
import type { AuditLogEvent, UserInfo } from '../../../lib/audit-log-types.ts';

/** A 200 answer that is not an audit-log page (a proxy's page, a changed API). */
export class AuditLogPageError extends Error {
  constructor(problem: string) {
    super(`Unexpected answer from the audit log API: ${problem}`);
    this.name = 'AuditLogPageError';
  }
}

export interface CheckedAuditLogPage {
  auditLogEvents: AuditLogEvent[];
  continuationToken: string | undefined;
}

type Fields = Record<string, unknown>;

function objectAt(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new AuditLogPageError(`${path} is not an object`);
  return value as Fields;
}

function stringAt(fields: Fields, key: string, path: string, fallback?: string): string {
  const value = fields[key] ?? fallback;
  if (typeof value !== 'string') throw new AuditLogPageError(`${path}.${key} is not a string`);
  return value;
}

/** Copies the optional string fields that are present, so absent ones stay absent. */
function optionalStrings(fields: Fields, keys: readonly string[], path: string): Fields {
  const out: Fields = {};
  for (const key of keys) if (fields[key] !== undefined) out[key] = stringAt(fields, key, path);
  return out;
}

function booleanAt(fields: Fields, key: string, path: string): boolean {
  const value = fields[key] ?? false;
  if (typeof value !== 'boolean') throw new AuditLogPageError(`${path}.${key} is not a boolean`);
  return value;
}

function checkUser(value: unknown, path: string): UserInfo {
  const user = objectAt(value, path);
  return {
    name: stringAt(user, 'name', path, ''),
    githubLogin: stringAt(user, 'githubLogin', path),
    avatarUrl: stringAt(user, 'avatarUrl', path, ''),
    ...(optionalStrings(user, ['email'], path) as Pick<UserInfo, 'email'>),
  };
}

function checkEvent(value: unknown, path: string): AuditLogEvent {
  const event = objectAt(value, path);
  if (typeof event.timestamp !== 'number' || !Number.isFinite(event.timestamp))
    throw new AuditLogPageError(`${path}.timestamp is not a number`);
  const optional = ['tokenID', 'tokenName', 'actorName', 'actorUrn'] as const;
  return {
    timestamp: event.timestamp,
    sourceIP: stringAt(event, 'sourceIP', path, ''),
    event: stringAt(event, 'event', path),
    description: stringAt(event, 'description', path, ''),
    user: checkUser(event.user, `${path}.user`),
    ...(optionalStrings(event, optional, path) as Pick<AuditLogEvent, (typeof optional)[number]>),
    reqOrgAdmin: booleanAt(event, 'reqOrgAdmin', path),
    reqStackAdmin: booleanAt(event, 'reqStackAdmin', path),
    authFailure: booleanAt(event, 'authFailure', path),
  };
}

/**
 * Checks a page and gives it with defaults filled in and unknown fields left out, or throws
 * `AuditLogPageError`: `checkAuditLogPage({auditLogEvents: null}).auditLogEvents` → `[]`.
 */
export function checkAuditLogPage(body: unknown): CheckedAuditLogPage {
  const page = objectAt(body, 'the page');
  const events = page.auditLogEvents ?? [];
  if (!Array.isArray(events)) throw new AuditLogPageError('auditLogEvents is not a list');
  const token = page.continuationToken ?? undefined;
  if (token !== undefined && typeof token !== 'string')
    throw new AuditLogPageError('continuationToken is not a string');
  return {
    auditLogEvents: events.map((event, index) => checkEvent(event, `event ${index}`)),
    // The last page omits the token, or sends it empty or null: all mean "no more pages".
    continuationToken: token || undefined,
  };
}
