import { describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS, SESSION_REFRESH_MS, sessionState } from './session-cookie.ts';
import { sealSession, unsealSession } from './session-seal.ts';

const key = Buffer.alloc(32, 3);
const data = { id: 'session-1', token: 'pul-secret', issuedAt: 1000, lastSeen: 2000 };

describe('sealed sessions', () => {
  it('round-trip and hide the token', () => {
    const sealed = sealSession(key, data);
    expect(sealed).not.toContain('pul-secret');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('pul-secret');
    expect(unsealSession(key, sealed)).toEqual(data);
  });

  it('use a fresh IV each time', () => {
    expect(sealSession(key, data)).not.toBe(sealSession(key, data));
  });

  it('refuse tampering, other keys and garbage', () => {
    const sealed = sealSession(key, data);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[14] = (bytes[14] ?? 0) ^ 1;
    expect(unsealSession(key, bytes.toString('base64url'))).toBeUndefined();
    expect(unsealSession(Buffer.alloc(32, 4), sealed)).toBeUndefined();
    expect(unsealSession(key, '')).toBeUndefined();
    expect(unsealSession(key, 'garbage!!')).toBeUndefined();
    expect(unsealSession(key, 'A'.repeat(5000))).toBeUndefined();
  });

  it('expire after 8 idle hours and refresh at most every 5 minutes', () => {
    const seen = { ...data, lastSeen: 0 };
    expect(sessionState(seen, SESSION_REFRESH_MS - 1)).toBe('valid');
    expect(sessionState(seen, SESSION_REFRESH_MS)).toBe('refresh');
    expect(sessionState(seen, SESSION_IDLE_MS - 1)).toBe('refresh');
    expect(sessionState(seen, SESSION_IDLE_MS)).toBe('expired');
    expect(sessionState({ ...data, lastSeen: 10 * 60_000 }, 0)).toBe('expired');
  });
});
