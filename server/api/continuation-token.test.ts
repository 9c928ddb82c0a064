import { describe, expect, it } from 'vitest';
import { createCursorCodec, type CursorScope } from './continuation-token.ts';

const codec = createCursorCodec(Buffer.alloc(32, 1));
const scope: CursorScope = {
  org: 'acme',
  version: 'v2',
  userFilter: 'ada',
  lowerBound: 10,
  upperBound: 20,
};
const cursor = { timestamp: 15, id: 42 };

describe('continuation tokens', () => {
  it('round-trip within the same scope and are URL-safe', () => {
    const token = codec.encode(cursor, scope);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode(token, { ...scope })).toEqual(cursor);
  });

  it.each<[string, Partial<CursorScope>]>([
    ['another org', { org: 'hobby' }],
    ['another version', { version: 'v1' }],
    ['another user filter', { userFilter: 'mel' }],
    ['an added event filter', { eventFilter: 'user-login' }],
    ['another lower bound', { lowerBound: 11 }],
    ['a dropped upper bound', { upperBound: undefined }],
  ])('are refused for %s', (_name, change) => {
    expect(codec.decode(codec.encode(cursor, scope), { ...scope, ...change })).toBeUndefined();
  });

  it('are refused when forged, mangled or signed with another key', () => {
    const token = codec.encode(cursor, scope);
    const [payload, signature] = token.split('.') as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify({ t: 99, i: 1, q: 'x' })).toString(
      'base64url',
    );
    const other = createCursorCodec(Buffer.alloc(32, 2));
    for (const bad of [
      `${forgedPayload}.${signature}`,
      `${payload}.${signature.slice(0, -2)}AA`,
      `${payload}x.${signature}`,
      payload,
      `${token}.extra`,
      '',
      'not a token',
      other.encode(cursor, scope),
      'a'.repeat(600),
    ]) {
      expect(codec.decode(bad, scope), bad).toBeUndefined();
    }
  });
});
