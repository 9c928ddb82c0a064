/**
 * The sealed session: AES-256-GCM over `{id, token, issuedAt, lastSeen}`, so the cookie is both
 * secret (the token is unreadable without the key) and tamper-evident (GCM's tag).
 * Layout: server/sealed-text.ts.
 */
import { sealText, unsealText } from '../sealed-text.ts';

export interface SessionData {
  /** Random, so that signing out can refuse this session (and only this one) from then on. */
  id: string;
  token: string;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  /** Milliseconds since the epoch; drives the idle expiry. */
  lastSeen: number;
}

const MAX_SEALED_LENGTH = 2048;

/** Seals session data under a 32-byte key. */
export function sealSession(key: Buffer, data: SessionData): string {
  return sealText(key, JSON.stringify(data));
}

function isSessionData(value: unknown): value is SessionData {
  const data = value as Partial<SessionData> | null;
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof data.id === 'string' &&
    typeof data.token === 'string' &&
    Number.isFinite(data.issuedAt) &&
    Number.isFinite(data.lastSeen)
  );
}

/** The session data, or undefined for anything we did not seal with this key. */
export function unsealSession(key: Buffer, sealed: string): SessionData | undefined {
  const plain = unsealText(key, sealed, MAX_SEALED_LENGTH);
  if (plain === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(plain);
    return isSessionData(data) ? data : undefined;
  } catch {
    return undefined;
  }
}
