/**
 * Small deterministic fixtures written through the store API: two organizations, three users
 * with known tokens, and events with many per second so ties on `timestamp` are common.
 */
import { hashToken } from '../auth/hash-token.ts';
import type { AuditStore, NewAuditEvent } from '../store/audit-store.ts';

export const ADMIN_TOKEN = `pul-${'a'.repeat(40)}`;
export const MEMBER_TOKEN = `pul-${'b'.repeat(40)}`;
export const OUTSIDER_TOKEN = `pul-${'c'.repeat(40)}`;
export const UNKNOWN_TOKEN = `pul-${'d'.repeat(40)}`;

export const LOGINS = ['ada', 'mel', 'sam'] as const;
export const FIXTURE_EVENT_TYPES = [
  'stack-created',
  'stack-deleted',
  'member-added',
  'user-login',
] as const;
export const BASE_TIME = 1_767_225_600; // 2026-01-01T00:00:00Z

/** Organizations, users, memberships and tokens (no events). */
export function writeDirectory(store: AuditStore): void {
  store.upsertOrganization({ name: 'acme', displayName: 'Acme Corp', enterprise: true });
  store.upsertOrganization({ name: 'hobby', displayName: 'Hobby Club', enterprise: false });
  store.upsertUser({
    login: 'ada',
    name: 'Ada Admin',
    email: 'ada@example.com',
    avatarPath: '/avatars/ada.svg',
  });
  store.upsertUser({
    login: 'mel',
    name: 'Mel Member',
    email: 'mel@example.com',
    avatarPath: '/avatars/mel.svg',
  });
  store.upsertUser({
    login: 'sam',
    name: 'Sam "Outsider", Jr.',
    email: 'sam@example.com',
    avatarPath: 'https://avatars.example.com/u/3',
  });
  store.setMembership('acme', 'ada', 'admin');
  store.setMembership('hobby', 'ada', 'admin');
  store.setMembership('acme', 'mel', 'member');
  store.setToken({ hash: hashToken(ADMIN_TOKEN), login: 'ada', name: 'admin-token' });
  store.setToken({ hash: hashToken(MEMBER_TOKEN), login: 'mel', name: 'member-token' });
  store.setToken({ hash: hashToken(OUTSIDER_TOKEN), login: 'sam', name: 'outsider-token' });
}

/**
 * `count` events from `start` on, `perSecond` sharing each timestamp, cycling through users and
 * event types; texts include commas, quotes, `=`, `|` and newlines to exercise the encoders.
 */
export function makeEvents(count: number, start = BASE_TIME, perSecond = 3): NewAuditEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: start + Math.floor(i / perSecond),
    sourceIP: `203.0.113.${i % 250}`,
    event: FIXTURE_EVENT_TYPES[i % FIXTURE_EVENT_TYPES.length] ?? 'user-login',
    description: i % 5 === 0 ? `Event ${i}: "quoted", a|b=c\\d\nnext line` : `Event ${i}`,
    userLogin: LOGINS[i % LOGINS.length] ?? 'ada',
    ...(i % 4 === 0 ? { tokenID: `tok-${i}`, tokenName: 'ci-deploy' } : {}),
    ...(i % 6 === 0 ? { actorName: 'deploy-bot', actorUrn: `urn:pulumi:actor::${i}` } : {}),
    reqOrgAdmin: i % 3 === 0,
    reqStackAdmin: i % 7 === 0,
    authFailure: i % 11 === 0,
  }));
}

/** The directory plus `count` acme events and a few hobby ones. */
export function writeFixtures(store: AuditStore, count = 250): void {
  writeDirectory(store);
  store.appendEvents('acme', makeEvents(count));
  store.appendEvents('hobby', makeEvents(5));
}
