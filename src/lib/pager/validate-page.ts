/**
 * A light runtime check of one list page at the boundary. It checks the fields every reader
 * relies on, per event, and is cheap enough for a million events (a schema library costs
 * several times more here, on the hot path of an export).
 */
import type { AuditLogPage } from '../audit-log-types.ts';

/** A 200 answer that is not an audit-log page (a proxy's page, a changed API). */
export class ResponseShapeError extends Error {
  constructor(message: string) {
    super(`Unexpected response from the audit log API: ${message}`);
    this.name = 'ResponseShapeError';
  }
}

const OPTIONAL_STRINGS = ['tokenID', 'tokenName', 'actorName', 'actorUrn'] as const;
const OPTIONAL_BOOLEANS = ['reqOrgAdmin', 'reqStackAdmin', 'authFailure'] as const;

function eventProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'is not an object';
  const event = value as Record<string, unknown>;
  if (typeof event.timestamp !== 'number' || !Number.isFinite(event.timestamp)) return 'timestamp';
  for (const key of ['event', 'description', 'sourceIP'] as const) {
    if (typeof event[key] !== 'string') return key;
  }
  const user = event.user as Record<string, unknown> | null | undefined;
  if (typeof user !== 'object' || user === null) return 'user';
  if (typeof user.name !== 'string' || typeof user.githubLogin !== 'string') return 'user';
  for (const key of OPTIONAL_STRINGS) {
    if (event[key] !== undefined && typeof event[key] !== 'string') return key;
  }
  for (const key of OPTIONAL_BOOLEANS) {
    if (event[key] !== undefined && typeof event[key] !== 'boolean') return key;
  }
  return undefined;
}

/**
 * Returns `value` typed as a page, or throws `ResponseShapeError` naming the first bad field:
 * `assertAuditLogPage({auditLogEvents: []}).auditLogEvents.length === 0`.
 */
export function assertAuditLogPage(value: unknown): AuditLogPage {
  if (typeof value !== 'object' || value === null) throw new ResponseShapeError('not an object');
  const page = value as Record<string, unknown>;
  // Pulumi's service is written in Go, whose JSON encoder writes an empty list as null.
  if (page.auditLogEvents === null) return { ...page, auditLogEvents: [] } as AuditLogPage;
  if (!Array.isArray(page.auditLogEvents))
    throw new ResponseShapeError('auditLogEvents is missing');
  const token = page.continuationToken;
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw new ResponseShapeError('continuationToken is not a string');
  }
  const events = page.auditLogEvents as unknown[];
  for (let index = 0; index < events.length; index++) {
    const problem = eventProblem(events[index]);
    if (problem) throw new ResponseShapeError(`event ${index}: bad ${problem}`);
  }
  return value as AuditLogPage;
}

/** The token of the next page, or undefined on the last one (omitted, empty or null). */
export function nextPageToken(page: AuditLogPage): string | undefined {
  return page.continuationToken ? page.continuationToken : undefined;
}
