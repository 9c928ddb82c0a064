import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEventIdentifier,
  eventContentHash,
  formatEventIdentity,
  parseEventIdentity,
} from './event-identity.ts';
import type { AuditLogEvent } from './wire-types.ts';

const base: AuditLogEvent = {
  timestamp: 1774448406,
  event: 'stack-deleted',
  description: 'Stack "acme/web/prod" was deleted.',
  sourceIP: '203.0.113.7',
  user: { githubLogin: 'kim', name: 'Kim Lee', avatarUrl: 'http://a/avatars/kim.svg' },
};

describe('eventContentHash', () => {
  it('ignores field order, omitted empty fields and false flags', () => {
    const reordered: AuditLogEvent = {
      user: { avatarUrl: 'http://a/avatars/kim.svg', githubLogin: 'kim', name: 'Kim Lee' },
      sourceIP: '203.0.113.7',
      reqOrgAdmin: false,
      tokenName: '',
      description: 'Stack "acme/web/prod" was deleted.',
      event: 'stack-deleted',
      timestamp: 1774448406,
    };
    expect(eventContentHash(reordered)).toBe(eventContentHash(base));
  });

  it('ignores the display name and avatar, which the server joins in when read', () => {
    const renamed = {
      ...base,
      user: { githubLogin: 'kim', name: 'Kim L.', avatarUrl: 'https://b/x' },
    };
    expect(eventContentHash(renamed)).toBe(eventContentHash(base));
  });

  it.each<[string, Partial<AuditLogEvent>]>([
    ['event', { event: 'stack-created' }],
    ['login', { user: { githubLogin: 'lee' } }],
    ['address', { sourceIP: '203.0.113.8' }],
    ['description', { description: 'Stack "acme/web/dev" was deleted.' }],
    ['token id', { tokenID: 't-1' }],
    ['token name', { tokenName: 'ci' }],
    ['actor', { actorName: 'Pulumi Deployments' }],
    ['actor urn', { actorUrn: 'urn:x' }],
    ['org admin flag', { reqOrgAdmin: true }],
    ['stack admin flag', { reqStackAdmin: true }],
    ['failure flag', { authFailure: true }],
  ])('changes with the %s', (_, change) => {
    expect(eventContentHash({ ...base, ...change })).not.toBe(eventContentHash(base));
  });
});

describe('createEventIdentifier', () => {
  it('numbers identical events of one second, across page boundaries', () => {
    const other = { ...base, event: 'stack-created' };
    const earlier = { ...base, timestamp: base.timestamp - 1 };
    const pages = [[base, other, base], [base, earlier], [earlier]];
    const identify = createEventIdentifier();
    const ids = pages.flatMap((page) => page.map(identify)).map(formatEventIdentity);
    const hash = eventContentHash(base);
    const earlierHash = eventContentHash(earlier);
    expect(ids).toEqual([
      `1774448406-${hash}`,
      `1774448406-${eventContentHash(other)}`,
      `1774448406-${hash}-1`,
      `1774448406-${hash}-2`,
      `1774448405-${earlierHash}`,
      `1774448405-${earlierHash}-1`,
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives each event of any stream a different name', () => {
    const stream = fc.array(
      fc.record({
        timestamp: fc.integer({ min: 0, max: 3 }),
        event: fc.constantFrom('a', 'b'),
        login: fc.constantFrom('kim', 'lee'),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(stream, (drafts) => {
        const identify = createEventIdentifier();
        const events = drafts
          .sort((a, b) => b.timestamp - a.timestamp)
          .map((d) => ({ timestamp: d.timestamp, event: d.event, user: { githubLogin: d.login } }));
        const ids = events.map((event) => formatEventIdentity(identify(event)));
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});

describe('parseEventIdentity', () => {
  it.each([
    ['1774448406-3fa2b1c9', { timestamp: 1774448406, hash: '3fa2b1c9', ordinal: 0 }],
    ['0-00000000-12', { timestamp: 0, hash: '00000000', ordinal: 12 }],
  ])('reads %s', (text, identity) => {
    expect(parseEventIdentity(text)).toEqual(identity);
    expect(formatEventIdentity(identity)).toBe(text);
  });

  it.each([
    '',
    '1774448406',
    '1774448406-3FA2B1C9',
    '01-3fa2b1c9',
    '1-3fa2b1c9-0',
    '1-3fa2b1c',
    'x-3fa2b1c9',
  ])('refuses %j', (text) => {
    expect(parseEventIdentity(text)).toBeUndefined();
  });
});
