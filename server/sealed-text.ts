/**
 * Text sealed under a 32-byte key with AES-256-GCM: secret (unreadable without the key) and
 * tamper-evident (GCM's tag). Layout: base64url(iv[12] | ciphertext | tag[16]). Sessions and
 * stored secrets (webhook signing secrets, tokens kept for jobs) use it with their own keys.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/** `unsealText(key, sealText(key, 'x')) === 'x'`. */
export function sealText(key: Buffer, text: string): string {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
}

/** The text, or undefined for anything not sealed with this key (or longer than `maxLength`). */
export function unsealText(key: Buffer, sealed: string, maxLength = Infinity): string | undefined {
  if (sealed.length > maxLength) return undefined;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < IV_LENGTH + TAG_LENGTH + 1) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_LENGTH));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_LENGTH));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_LENGTH, bytes.length - TAG_LENGTH)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}
