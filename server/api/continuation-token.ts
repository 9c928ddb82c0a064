/**
 * Opaque, tamper-evident continuation tokens: `base64url(JSON{t, i, q}) + "." + base64url(HMAC)`.
 * `t`/`i` are the last event's timestamp and id (the keyset cursor), `q` a digest of the query the
 * token belongs to, so a forged, mangled or re-targeted token is refused instead of silently
 * paging through some other result set.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EventCursor } from '../store/audit-store.ts';

/** Everything that decides which events a page sequence walks through. */
export interface CursorScope {
  org: string;
  version: string;
  userFilter?: string;
  eventFilter?: string;
  lowerBound?: number;
  upperBound?: number;
}

const MAX_TOKEN_LENGTH = 512;

export interface CursorCodec {
  encode(cursor: EventCursor, scope: CursorScope): string;
  /** The cursor, or undefined when the token is not one we issued for this very scope. */
  decode(token: string, scope: CursorScope): EventCursor | undefined;
}

function scopeDigest(scope: CursorScope): string {
  const parts = [
    scope.org,
    scope.version,
    scope.userFilter,
    scope.eventFilter,
    scope.lowerBound,
    scope.upperBound,
  ];
  const canonical = JSON.stringify(parts.map((part) => part ?? null));
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

function parsePayload(payload: string): { t: unknown; i: unknown; q: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null
      ? (value as { t: unknown; i: unknown; q: unknown })
      : undefined;
  } catch {
    return undefined;
  }
}

/** A codec signing with `key` (32 bytes, see server/secrets.ts). */
export function createCursorCodec(key: Buffer): CursorCodec {
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    encode(cursor, scope) {
      const payload = Buffer.from(
        JSON.stringify({ t: cursor.timestamp, i: cursor.id, q: scopeDigest(scope) }),
      ).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    decode(token, scope) {
      if (token.length > MAX_TOKEN_LENGTH) return undefined;
      const [payload, signature, extra] = token.split('.');
      if (payload === undefined || signature === undefined || extra !== undefined) return undefined;
      const presented = Buffer.from(signature, 'base64url');
      const expected = sign(payload);
      if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
        return undefined;
      const data = parsePayload(payload);
      if (!data || data.q !== scopeDigest(scope)) return undefined;
      const { t, i } = data;
      if (!Number.isSafeInteger(t) || !Number.isSafeInteger(i)) return undefined;
      return { timestamp: t as number, id: i as number };
    },
  };
}
