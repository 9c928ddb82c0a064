/**
 * Turns a validated request into the store's page query: bounds per API version, the keyset
 * cursor from the continuation token, and the 404 for an unknown user filter.
 */
import type { Context } from 'hono';
import { HttpError, MESSAGES } from '../http/pulumi-error.ts';
import type { AuditStore, EventCursor, EventPageQuery } from '../store/audit-store.ts';
import type { ApiVersion, AuditLogParams } from './audit-log-params.ts';
import type { CursorCodec, CursorScope } from './continuation-token.ts';

export interface ResolvedQuery {
  params: AuditLogParams;
  scope: CursorScope;
  /** The page query without its limit; `before` starts at the token's cursor or the upper bound. */
  page: Omit<EventPageQuery, 'limit'>;
}

/** Ids start at 1, so `(t, id) < (upper, 0)` is exactly `timestamp < upper`. */
const beforeUpperBound = (upper: number | undefined): EventCursor => ({
  timestamp: upper ?? Number.MAX_SAFE_INTEGER,
  id: 0,
});

/**
 * V1: `startTime` is an upper bound (`timestamp < startTime`; `endTime`, documented as an upper
 * bound too, narrows it). V2: `startTime <= timestamp < endTime`.
 */
function bounds(params: AuditLogParams, version: ApiVersion): { lower?: number; upper?: number } {
  if (version === 'v2') return { lower: params.startTime, upper: params.endTime };
  const uppers = [params.startTime, params.endTime].filter((v): v is number => v !== undefined);
  return { upper: uppers.length ? Math.min(...uppers) : undefined };
}

/**
 * V1 pages are fetched with the token alone ("startTime or continuationToken"), and an upper
 * bound never changes what lies below a cursor, so V1 tokens are scoped without bounds.
 */
function scopeOf(
  org: string,
  params: AuditLogParams,
  version: ApiVersion,
  lower?: number,
  upper?: number,
): CursorScope {
  const base = { org, version, userFilter: params.userFilter, eventFilter: params.eventFilter };
  return version === 'v1' ? base : { ...base, lowerBound: lower, upperBound: upper };
}

/** Resolves the request for `org` (access already checked). */
export function resolveAuditLogQuery(
  c: Context,
  deps: { store: AuditStore; codec: CursorCodec },
  params: AuditLogParams,
  version: ApiVersion,
): ResolvedQuery {
  const org = c.req.param('org') ?? '';
  if (params.userFilter !== undefined && !deps.store.findUser(params.userFilter)) {
    throw new HttpError(404, MESSAGES.userNotFound);
  }
  const { lower, upper } = bounds(params, version);
  const scope = scopeOf(org, params, version, lower, upper);
  let before = beforeUpperBound(upper);
  if (params.continuationToken !== undefined) {
    const cursor = deps.codec.decode(params.continuationToken, scope);
    if (!cursor) throw new HttpError(400, MESSAGES.invalidContinuationToken);
    if (cursor.timestamp < before.timestamp) before = cursor;
  }
  const page = {
    org,
    userLogin: params.userFilter,
    event: params.eventFilter,
    fromTimestamp: lower,
    before,
  };
  return { params, scope, page };
}
