import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvents, writeDirectory } from '../testing/fixtures.ts';
import { openAuditStore } from './audit-store.ts';
import { configureConnection } from './prepare-schema.ts';
import { SCHEMA_SQL, TRIGGERS_SQL } from './schema.ts';

let dir: string;
let dbFile: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'event-chain-test-'));
  dbFile = path.join(dir, 'audit.db');
  const store = openAuditStore(dbFile);
  writeDirectory(store);
  store.appendEvents('acme', makeEvents(40));
  store.appendEvents('hobby', makeEvents(5));
  store.appendEvents('acme', makeEvents(10, 1_800_000_000));
  store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What an operator with shell access can do: the sqlite3 tool, no triggers honoured. */
const sqlite3 = (sql: string) => execFileSync('sqlite3', [dbFile, sql], { encoding: 'utf8' });
const DROP_TRIGGERS = 'DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete; ';

function verify() {
  const store = openAuditStore(dbFile);
  try {
    return { report: store.verifyChains(), findings: store.findings };
  } finally {
    store.close();
  }
}

describe('the append-only store', () => {
  it('refuses REPLACE INTO on the service connection (recursive triggers)', () => {
    const db = new Database(dbFile);
    configureConnection(db);
    expect(() =>
      db.exec(
        "REPLACE INTO events SELECT 1, org, timestamp, source_ip, event, 'rewritten', user_login, token_id, token_name, actor_name, actor_urn, req_org_admin, req_stack_admin, auth_failure, hash, user_name, user_avatar FROM events WHERE id = 1",
      ),
    ).toThrow(/append-only/);
    expect(() => db.exec("UPDATE events SET description = 'x' WHERE id = 2")).toThrow(
      /append-only/,
    );
    expect(() => db.exec('DELETE FROM events WHERE id = 2')).toThrow(/append-only/);
    db.close();
  });

  it('verifies an untouched database', () => {
    const { report, findings } = verify();
    expect(report).toMatchObject({ ok: true, events: 55 });
    expect(findings).toEqual({ chainedExisting: 0, missingTriggers: [] });
  });
});

describe('tampering with the sqlite3 tool', () => {
  it.each([
    [
      'a rewritten description',
      `${DROP_TRIGGERS}UPDATE events SET description = 'nothing' WHERE id = 7;`,
      'acme',
      7,
    ],
    [
      'a REPLACE INTO',
      "REPLACE INTO events SELECT id, org, timestamp, '198.51.100.1', event, description, user_login, token_id, token_name, actor_name, actor_urn, req_org_admin, req_stack_admin, auth_failure, hash, user_name, user_avatar FROM events WHERE id = 9;",
      'acme',
      9,
    ],
    ['a deleted event', `${DROP_TRIGGERS}DELETE FROM events WHERE id = 12;`, 'acme', 13],
    [
      'a moved flag',
      `${DROP_TRIGGERS}UPDATE events SET auth_failure = 1 - auth_failure WHERE id = 3;`,
      'acme',
      3,
    ],
    [
      'an inserted event',
      'INSERT INTO events SELECT 1000, org, timestamp, source_ip, event, description, user_login, token_id, token_name, actor_name, actor_urn, req_org_admin, req_stack_admin, auth_failure, hash, user_name, user_avatar FROM events WHERE id = 44;',
      'hobby',
      1000,
    ],
  ])('%s is reported with the first broken link', (_name, sql, org, id) => {
    sqlite3(sql);
    const { report } = verify();
    expect(report).toMatchObject({ ok: false, org, id });
  });

  it('events cut from the end are reported', () => {
    sqlite3(`${DROP_TRIGGERS}DELETE FROM events WHERE id > 50;`);
    expect(verify().report).toMatchObject({ ok: false, org: 'acme', id: 50 });
  });

  it('a whole organization removed is reported', () => {
    sqlite3(`${DROP_TRIGGERS}DELETE FROM events WHERE org = 'hobby';`);
    expect(verify().report).toMatchObject({ ok: false, org: 'hobby' });
  });

  it('dropped triggers are noticed at the next start, not silently recreated', () => {
    sqlite3('DROP TRIGGER events_refuse_delete;');
    expect(verify().findings.missingTriggers).toEqual(['events_refuse_delete']);
    expect(verify().findings.missingTriggers).toEqual([]);
  });
});

describe('a database from before the chain', () => {
  it('is chained on first start and verified from then on', () => {
    rmSync(dbFile);
    rmSync(`${dbFile}.heads`); // not kept before the chain
    const old = new Database(dbFile);
    // The schema before the chain: no hash column, no heads table.
    old.exec(
      SCHEMA_SQL.replace(
        'auth_failure INTEGER NOT NULL DEFAULT 0,\n  hash TEXT,\n  user_name TEXT,\n  user_avatar TEXT',
        'auth_failure INTEGER NOT NULL DEFAULT 0',
      ).replace(/CREATE TABLE IF NOT EXISTS event_chain \([^;]*\);/, ''),
    );
    old.exec(TRIGGERS_SQL);
    old.exec(
      "INSERT INTO events (org, timestamp, source_ip, event, description, user_login) VALUES ('acme', 1, 'ip', 'user-login', 'a', 'ada'), ('acme', 2, 'ip', 'user-login', 'b', 'ada'), ('hobby', 3, 'ip', 'user-login', 'c', 'mel')",
    );
    old.close();
    const first = verify();
    expect(first.findings.chainedExisting).toBe(3);
    expect(first.report).toMatchObject({ ok: true, events: 3 });
    const store = openAuditStore(dbFile);
    store.appendEvents('acme', makeEvents(2));
    expect(store.verifyChains()).toMatchObject({ ok: true, events: 5 });
    store.close();
    sqlite3(`${DROP_TRIGGERS}UPDATE events SET description = 'z' WHERE id = 2;`);
    expect(verify().report).toMatchObject({ ok: false, org: 'acme', id: 2 });
  });
});

describe('a database whose chain was removed', () => {
  it.each([
    ['with its heads emptied', 'DELETE FROM event_chain;'],
    ['with its heads table dropped', 'DROP TABLE event_chain;'],
    [
      'with its version cleared and its heads dropped',
      'PRAGMA user_version = 0; DELETE FROM event_chain;',
    ],
  ])(
    'is refused at start, not chained again, when the hash column is dropped %s',
    (_name, heads) => {
      sqlite3(
        `${DROP_TRIGGERS}UPDATE events SET description = 'forged' WHERE id = 3; DELETE FROM events WHERE id = 4; ALTER TABLE events DROP COLUMN hash; ${heads}`,
      );
      expect(() => openAuditStore(dbFile)).toThrow(
        /event chain broken at the database: .*the chain was removed/,
      );
      // Still without its chain: nothing was migrated.
      expect(sqlite3("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'hash';")).toBe(
        '0\n',
      );
    },
  );
});
