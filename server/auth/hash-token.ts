import { createHash } from 'node:crypto';

/**
 * The SHA-256 hex digest under which a token is stored; the plain token is never stored:
 * `hashToken('pul-…')` → `'3f2a…'` (64 hex characters).
 */
export function hashToken(plain: string): string {
  return createHash('sha256').update(plain, 'utf8').digest('hex');
}
