/**
 * Server secrets: a random secret generated once per DATA_DIR (so sessions and continuation
 * tokens survive restarts), or SESSION_SECRET shared by every instance behind a load balancer.
 * Each use gets its own key derived with HKDF, so one key never serves two purposes.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from './atomic-file.ts';

export type KeyPurpose =
  'session-cookie' | 'continuation-token' | 'export-credentials' | 'alert-secrets';

/** Reads the hex secret in `file`, creating 32 random bytes (mode 0600) the first time. */
export function loadOrCreateSecret(file: string): Buffer {
  if (!existsSync(file)) {
    try {
      // Whole or not at all: a secret cut short by a full disk would be refused at every start.
      writeFileAtomically(file, `${randomBytes(32).toString('hex')}\n`, {
        mode: 0o600,
        replace: false,
      });
    } catch (error) {
      // Another instance sharing this DATA_DIR wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (secret.length >= 32) return secret;
  throw new Error(`${file} does not hold a 32-byte hex secret; delete it to generate a new one`);
}

/** A 32-byte key for one purpose: `deriveKey(secret, 'session-cookie').length === 32`. */
export function deriveKey(secret: Buffer | string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'audit-log-console', `${purpose} v1`, 32));
}
