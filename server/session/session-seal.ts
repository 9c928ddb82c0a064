/**
 * The sealed session: AES-256-GCM over `{id, token, issuedAt, lastSeen}`, so the cookie is both
 * secret (the token is unreadable without the key) and tamper-evident (GCM's tag).
 * Layout: base64url(iv[12] | ciphertext | tag[16]). `sealText`/`openSealedText` are the same
 * box for other secrets kept at rest (automated export's access keys), bound to a context
 * (`aad`) so a sealed value cannot be moved to another organization.
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

/** Seals text under a 32-byte key, bound to `aad` (authenticated, not encrypted). */
export function sealText(key: Buffer, text: string, aad = ''): string {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
}

/** The text, or undefined for anything not sealed with this key and `aad`. */
export function openSealedText(
  key: Buffer,
  sealed: string,
  aad = '',
  maxLength = MAX_SEALED_LENGTH,
): string | undefined {
  if (sealed.length > maxLength) return undefined;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < IV_LENGTH + TAG_LENGTH + 1) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_LENGTH));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_LENGTH));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_LENGTH, bytes.length - TAG_LENGTH)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

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
  const plain = openSealedText(key, sealed);
  if (plain === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(plain);
    return isSessionData(data) ? data : undefined;
  } catch {
    return undefined;
  }
}
