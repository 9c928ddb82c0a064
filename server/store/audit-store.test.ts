import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvents, writeDirectory } from '../testing/fixtures.ts';
import { openAuditStore, type AuditStore } from './audit-store.ts';
import { EVENT_PAGE_VARIANTS, eventPageSql } from './event-queries.ts';

const TOP = { timestamp: Number.MAX_SAFE_INTEGER, id: 0 };

let dir: string;
let dbFile: string;
let store: AuditStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'audit-store-test-'));
  dbFile = path.join(dir, 'audit.db');
  store = openAuditStore(dbFile);
  writeDirectory(store);
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('appendEvents and countEvents', () => {
  it('keeps an append that committed when the heads beside the database cannot be written', () => {
    const logs: string[] = [];
    store.close();
    store = openAuditStore(dbFile, { log: (line) => logs.push(line) });
    // A folder where the heads file goes: every write of it fails, as on a full disk.
    rmSync(`${dbFile}.heads`);
    mkdirSync(`${dbFile}.heads`);
    expect(store.appendEvents('acme', makeEvents(3))).toBe(3);
    expect(store.countEvents('acme')).toBe(3);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/could not write the chain heads kept beside/);
  });

  it('appends in one call, counts per organization and in total', () => {
    expect(store.appendEvents('acme', makeEvents(30))).toBe(30);
    expect(store.appendEvents('hobby', makeEvents(4))).toBe(4);
    expect(store.countEvents('acme')).toBe(30);
    expect(store.countEvents('hobby')).toBe(4);
    expect(store.countEvents()).toBe(34);
  });

  it('accepts any iterable, such as a generator', () => {
    function* events() {
      yield* makeEvents(3);
    }
    expect(store.appendEvents('acme', events())).toBe(3);
  });

  it('refuses milliseconds and writes nothing of a failing batch', () => {
    const events = [...makeEvents(2), { ...makeEvents(1)[0]!, timestamp: Date.now() }];
    expect(() => store.appendEvents('acme', events)).toThrow(/whole Unix seconds/);
    expect(store.countEvents()).toBe(0);
  });

  it('round-trips every field, with absent optional fields as null and flags as booleans', () => {
    store.appendEvents('acme', [
      {
        timestamp: 10,
        sourceIP: '1.2.3.4',
        event: 'user-login',
        description: 'd',
        userLogin: 'ada',
      },
      {
        timestamp: 11,
        sourceIP: '::1',
        event: 'stack-deleted',
        description: 'e',
        userLogin: 'ghost',
        tokenID: 't1',
        tokenName: 'ci',
        actorName: 'bot',
        actorUrn: 'urn:x',
        reqOrgAdmin: true,
        reqStackAdmin: true,
        authFailure: true,
      },
    ]);
    const [newer, older] = store.listEvents({ org: 'acme', before: TOP, limit: 10 });
    expect(newer).toMatchObject({
      userLogin: 'ghost',
      userName: null,
      tokenID: 't1',
      actorUrn: 'urn:x',
    });
    expect(newer).toMatchObject({ reqOrgAdmin: true, reqStackAdmin: true, authFailure: true });
    expect(older).toMatchObject({
      userName: 'Ada Admin',
      userAvatarPath: '/avatars/ada.svg',
      tokenID: null,
    });
    expect(older).toMatchObject({ reqOrgAdmin: false, reqStackAdmin: false, authFailure: false });
  });
});

describe('listEvents', () => {
  it('orders by timestamp then id, newest first, and pages strictly before the cursor', () => {
    store.appendEvents('acme', makeEvents(20, 100, 4));
    const all = store.listEvents({ org: 'acme', before: TOP, limit: 100 });
    const sorted = [...all].sort((a, b) => b.timestamp - a.timestamp || b.id - a.id);
    expect(all.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    const cursor = all[5]!;
    const after = store.listEvents({ org: 'acme', before: cursor, limit: 100 });
    expect(after.map((e) => e.id)).toEqual(all.slice(6).map((e) => e.id));
  });

  it('applies the filters and the inclusive lower bound', () => {
    store.appendEvents('acme', makeEvents(40, 100, 2));
    const rows = store.listEvents({
      org: 'acme',
      userLogin: 'mel',
      event: 'stack-deleted',
      fromTimestamp: 105,
      before: TOP,
      limit: 100,
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ userLogin: 'mel', event: 'stack-deleted' });
      expect(row.timestamp).toBeGreaterThanOrEqual(105);
    }
  });
});

describe('directory', () => {
  it('finds tokens, users, organizations, roles and memberships', () => {
    const ada = store.listMemberships('ada');
    expect(ada.map((m) => [m.org.name, m.role])).toEqual([
      ['acme', 'admin'],
      ['hobby', 'admin'],
    ]);
    expect(store.findRole('acme', 'mel')).toBe('member');
    expect(store.findRole('hobby', 'mel')).toBeUndefined();
    expect(store.findOrganization('hobby')).toEqual({
      name: 'hobby',
      displayName: 'Hobby Club',
      enterprise: false,
    });
    expect(store.findUser('nobody')).toBeUndefined();
  });

  it('replaces a token hash by login and name, and keeps settings', () => {
    expect(store.replaceTokenHash('ada', 'admin-token', 'f'.repeat(64))).toBe(true);
    expect(store.findToken('f'.repeat(64))).toEqual({
      hash: 'f'.repeat(64),
      login: 'ada',
      name: 'admin-token',
    });
    expect(store.replaceTokenHash('ada', 'no-such-token', 'e'.repeat(64))).toBe(false);
    store.writeSetting('k', 'v1');
    store.writeSetting('k', 'v2');
    expect(store.readSetting('k')).toBe('v2');
  });
});

describe('the database itself', () => {
  it('refuses UPDATE and DELETE of events, whoever connects', () => {
    store.appendEvents('acme', makeEvents(3));
    const raw = new Database(dbFile);
    try {
      expect(() => raw.prepare("UPDATE events SET description = 'x'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM events').run()).toThrow(/append-only/);
      expect(raw.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 3 });
    } finally {
      raw.close();
    }
  });

  it('runs in WAL mode', () => {
    const raw = new Database(dbFile);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it.each(EVENT_PAGE_VARIANTS)(
    'plans the %s page as an index range scan without sorting',
    (variant) => {
      const raw = new Database(dbFile, { readonly: true });
      const plan = raw
        .prepare(`EXPLAIN QUERY PLAN ${eventPageSql(variant)}`)
        .all({
          org: 'acme',
          userLogin: 'ada',
          event: 'user-login',
          beforeTimestamp: 1,
          beforeId: 1,
          fromTimestamp: 0,
          limit: 1,
        })
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
      raw.close();
      expect(plan).toMatch(/SEARCH e USING INDEX events_by_\w+ \(org=\?/);
      expect(plan).toMatch(/timestamp<\?/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(plan).not.toMatch(/SCAN e\b/);
    },
  );
});
