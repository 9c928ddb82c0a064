/**
 * Seeds the demo organizations into an empty store: `acme` (Enterprise, the busy one) and
 * `hobby` (not Enterprise, so its audit log is refused), their people, roles and the two demo
 * tokens, then a deterministic audit log for each; acme's holds the demo's incidents (stories.ts).
 */
import { hashToken } from '../auth/hash-token.ts';
import type { AuditStore } from '../store/audit-store.ts';
import { appendInBatches } from './append-in-batches.ts';
import {
  avatarPathOf,
  DEMO_ADMIN_LOGIN,
  DEMO_MEMBER_LOGIN,
  DEMO_PEOPLE,
  emailOf,
} from './demo-people.ts';
import { generateAuditEvents } from './event-generator.ts';
import { buildOrgProfile, type DemoOrg } from './org-profiles.ts';
import { generatedAvatarPath } from '../../common/avatar/generated-avatar.ts';

export interface SeedDemoOptions {
  /** Events in `acme`; `hobby` gets a few hundred (never more than this). */
  events: number;
  seed?: number;
  /** End of the range, Unix seconds; defaults to the current time. */
  now?: number;
  adminToken: string;
  memberToken: string;
}

export const DEMO_RANGE_DAYS = 180;
export const HOBBY_EVENTS = 300;
const DAY = 86_400;
/** A different stream for hobby so its log does not mirror the start of acme's. */
const HOBBY_SEED_SALT = 0x68_6f_62_62;

function writeDirectory(store: AuditStore, options: SeedDemoOptions): void {
  const orgs: DemoOrg[] = ['acme', 'hobby'];
  for (const org of orgs) {
    const { displayName } = buildOrgProfile(org);
    store.upsertOrganization({ name: org, displayName, enterprise: org === 'acme' });
    // The demo's org is on Business Critical so automated export can be tried in the demo.
    if (org === 'acme') store.setPlan(org, 'business-critical');
    // The org's service user: what events made with organization and team tokens carry.
    store.upsertUser({
      login: org,
      name: displayName,
      email: `bot@${org}.example`,
      avatarPath: generatedAvatarPath(org),
    });
  }
  for (const person of DEMO_PEOPLE) {
    store.upsertUser({
      login: person.login,
      name: person.name,
      email: emailOf(person),
      avatarPath: avatarPathOf(person),
    });
    for (const org of orgs) {
      const role = person[org];
      if (role) store.setMembership(org, person.login, role);
    }
  }
  store.setToken({
    hash: hashToken(options.adminToken),
    login: DEMO_ADMIN_LOGIN,
    name: DEMO_ADMIN_LOGIN,
  });
  store.setToken({
    hash: hashToken(options.memberToken),
    login: DEMO_MEMBER_LOGIN,
    name: DEMO_MEMBER_LOGIN,
  });
}

/**
 * Writes both demo orgs with `events` acme events over the last 180 days:
 * `seedDemoOrganization(store, { events: 20_000, seed: 1, adminToken, memberToken })`.
 */
export function seedDemoOrganization(store: AuditStore, options: SeedDemoOptions): void {
  if (!(Number.isSafeInteger(options.events) && options.events >= 0)) {
    throw new RangeError(`events must be a non-negative integer, got ${options.events}`);
  }
  const seed = options.seed ?? 1;
  const end = options.now ?? Math.floor(Date.now() / 1000);
  const start = end - DEMO_RANGE_DAYS * DAY + 1;
  writeDirectory(store, options);
  const acme = generateAuditEvents(buildOrgProfile('acme'), {
    count: options.events,
    seed,
    start,
    end,
    stories: true,
  });
  appendInBatches(store, 'acme', acme);
  const hobbyCount = Math.min(HOBBY_EVENTS, options.events);
  const hobby = generateAuditEvents(buildOrgProfile('hobby'), {
    count: hobbyCount,
    seed: seed ^ HOBBY_SEED_SALT,
    start,
    end,
  });
  appendInBatches(store, 'hobby', hobby);
}
