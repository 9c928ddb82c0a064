import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/hash-token.ts';
import { openAuditStore, type AuditStore } from '../store/audit-store.ts';
import { DEMO_PEOPLE } from './demo-people.ts';
import { HOBBY_EVENTS, seedDemoOrganization } from './demo-organization.ts';

const ADMIN_TOKEN = `pul-${'1'.repeat(40)}`;
const MEMBER_TOKEN = `pul-${'2'.repeat(40)}`;
const NOW = 1_767_225_600;
const TOP = { timestamp: Number.MAX_SAFE_INTEGER, id: 0 };

let dir: string;
let stores: AuditStore[];

function seededStore(name: string, events: number, seed = 1): AuditStore {
  const store = openAuditStore(path.join(dir, `${name}.db`));
  stores.push(store);
  seedDemoOrganization(store, {
    events,
    seed,
    now: NOW,
    adminToken: ADMIN_TOKEN,
    memberToken: MEMBER_TOKEN,
  });
  return store;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'seed-demo-test-'));
  stores = [];
});

afterEach(() => {
  stores.forEach((store) => store.close());
  rmSync(dir, { recursive: true, force: true });
});

describe('seedDemoOrganization', () => {
  it('writes both orgs, every person, the roles and the two demo tokens', () => {
    const store = seededStore('a', 2000);
    expect(store.listOrganizations()).toEqual(
      expect.arrayContaining([
        { name: 'acme', displayName: 'Acme Corp', enterprise: true },
        { name: 'hobby', displayName: 'Hobby Projects', enterprise: false },
      ]),
    );
    expect(store.findToken(hashToken(ADMIN_TOKEN))).toMatchObject({
      login: 'demo-admin',
      name: 'demo-admin',
    });
    expect(store.findToken(hashToken(MEMBER_TOKEN))).toMatchObject({ login: 'demo-member' });
    expect(store.findRole('acme', 'demo-admin')).toBe('admin');
    expect(store.findRole('hobby', 'demo-admin')).toBe('admin');
    expect(store.findRole('acme', 'demo-member')).toBe('member');
    expect(store.findRole('hobby', 'demo-member')).toBeUndefined();
    for (const person of DEMO_PEOPLE) expect(store.findUser(person.login)?.name).toBe(person.name);
    expect(store.findUser('acme')?.name).toBe('Acme Corp');
  });

  it('appends the asked number of acme events and a few hundred hobby ones', () => {
    const store = seededStore('a', 6000);
    expect(store.countEvents('acme')).toBe(6000);
    expect(store.countEvents('hobby')).toBe(HOBBY_EVENTS);
    expect(seededStore('empty', 0).countEvents()).toBe(0);
  });

  it('stores the same log for the same seed, and every event names a known user', () => {
    const page = (store: AuditStore) => store.listEvents({ org: 'acme', before: TOP, limit: 3000 });
    const first = page(seededStore('a', 3000));
    const again = page(seededStore('b', 3000));
    expect(again.map(({ id: _id, ...event }) => event)).toEqual(
      first.map(({ id: _id, ...event }) => event),
    );
    expect(first.filter((event) => event.userName === null)).toEqual([]);
  });

  it('rejects a negative or fractional event count', () => {
    const store = openAuditStore(path.join(dir, 'bad.db'));
    stores.push(store);
    const options = { seed: 1, now: NOW, adminToken: ADMIN_TOKEN, memberToken: MEMBER_TOKEN };
    expect(() => seedDemoOrganization(store, { ...options, events: -1 })).toThrow(RangeError);
    expect(() => seedDemoOrganization(store, { ...options, events: 1.5 })).toThrow(RangeError);
  });
});
