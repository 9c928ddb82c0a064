/**
 * The sealed session: AES-256-GCM over `{id, token, issuedAt, lastSeen}`, so the cookie is both
 * secret (the token is unreadable without the key) and tamper-evident (GCM's tag).
 * Layout: base64url(iv[12] | ciphertext | tag[16]).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SessionData {
  /** Random, so that signing out can refuse this session (and only this one) from then on. */
  id: string;
  token: string;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  /** Milliseconds since the epoch; drives the idle expiry. */
  lastSeen: number;
}

const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const MAX_SEALED_LENGTH = 2048;

/** Seals session data under a 32-byte key. */
export function sealSession(key: Buffer, data: SessionData): string {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
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
  if (sealed.length > MAX_SEALED_LENGTH) return undefined;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < IV_LENGTH + TAG_LENGTH + 1) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_LENGTH));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_LENGTH));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_LENGTH, bytes.length - TAG_LENGTH)),
      decipher.final(),
    ]);
    const data: unknown = JSON.parse(plain.toString('utf8'));
    return isSessionData(data) ? data : undefined;
  } catch {
    return undefined;
  }
}
