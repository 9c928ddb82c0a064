/**
 * A database whose chain did not cover the events' actors (written before it did) is verified,
 * then given its actors and its chain anew in one transaction; one edited before the upgrade,
 * or one whose actor columns were removed to pass for such a database, is refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvents, writeDirectory } from '../testing/fixtures.ts';
import { openAuditStore } from './audit-store.ts';
import { DROP_TRIGGERS, rechainEvents } from '../testing/rechain.ts';
import { CHAINED_COLUMNS_WITHOUT_ACTOR } from './event-chain.ts';
import { TRIGGERS_SQL } from './schema.ts';
import { verifyDatabaseFile } from './verify-database-file.ts';
import { witnessFileOf } from './chain-witness.ts';

let dir: string;
let dbFile: string;
const sqlite3 = (sql: string) => execFileSync('sqlite3', [dbFile, sql], { encoding: 'utf8' });
const columnCount = (name: string) =>
  sqlite3(`SELECT count(*) FROM pragma_table_info('events') WHERE name = '${name}';`).trim();

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'actor-chain-test-'));
  dbFile = path.join(dir, 'audit.db');
  const store = openAuditStore(dbFile);
  writeDirectory(store);
  store.appendEvents('acme', makeEvents(30));
  store.appendEvents('hobby', makeEvents(4));
  store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Turns the file into what the service wrote before its chain covered actors. */
function writeAsBeforeActors() {
  const db = new Database(dbFile);
  db.exec(DROP_TRIGGERS);
  db.exec('ALTER TABLE events DROP COLUMN user_name; ALTER TABLE events DROP COLUMN user_avatar;');
  rechainEvents(db, CHAINED_COLUMNS_WITHOUT_ACTOR);
  db.exec(TRIGGERS_SQL);
  db.pragma('user_version = 1');
  db.close();
  // Heads were not kept beside the database then.
  rmSync(witnessFileOf(dbFile));
}

describe('a database chained before the chain covered actors', () => {
  it('verifies as it is, then is upgraded at the next start and verified from then on', () => {
    writeAsBeforeActors();
    expect(verifyDatabaseFile(dbFile)).toMatchObject({ code: 0 });
    const store = openAuditStore(dbFile);
    expect(store.findings).toEqual({ chainedExisting: 34, missingTriggers: [] });
    expect(store.verifyChains()).toMatchObject({ ok: true, events: 34 });
    const [first] = store.listEvents({
      org: 'acme',
      before: { timestamp: Number.MAX_SAFE_INTEGER, id: 0 },
      limit: 1,
    });
    expect(first).toMatchObject({ userName: expect.any(String) });
    store.close();
    expect(sqlite3('PRAGMA user_version;').trim()).toBe('2');
    sqlite3(`${DROP_TRIGGERS}UPDATE events SET user_name = 'Forged' WHERE id = 3;`);
    expect(verifyDatabaseFile(dbFile)).toMatchObject({ code: 1 });
  });

  it('is refused, and left as it was, when it was edited before the upgrade', () => {
    writeAsBeforeActors();
    sqlite3(`${DROP_TRIGGERS}UPDATE events SET description = 'forged' WHERE id = 7;`);
    expect(() => openAuditStore(dbFile)).toThrow(
      /event chain broken at organization acme, event 7/,
    );
    expect(columnCount('user_name')).toBe('0');
  });
});

describe('removing the actor columns', () => {
  it('with the version kept is refused at start and by verify', () => {
    sqlite3(
      `${DROP_TRIGGERS}ALTER TABLE events DROP COLUMN user_name; ALTER TABLE events DROP COLUMN user_avatar;`,
    );
    expect(() => openAuditStore(dbFile)).toThrow(/looks older than the chain heads kept/);
    // Without the heads kept beside it, the database's own version still tells.
    rmSync(witnessFileOf(dbFile));
    expect(() => openAuditStore(dbFile)).toThrow(/no actor columns .* the chain was removed/);
    expect(verifyDatabaseFile(dbFile)).toMatchObject({ code: 1 });
    expect(columnCount('user_name')).toBe('0');
  });

  it('with the version set back, to pass for an older database, is refused at start', () => {
    sqlite3(
      `${DROP_TRIGGERS}UPDATE events SET user_login = 'mel' WHERE id = 4; ALTER TABLE events DROP COLUMN user_name; ALTER TABLE events DROP COLUMN user_avatar; PRAGMA user_version = 1;`,
    );
    expect(() => openAuditStore(dbFile)).toThrow(/looks older than the chain heads kept/);
    rmSync(witnessFileOf(dbFile));
    // Its hashes cover the actors, so it fails the older chain's check at its first row.
    expect(() => openAuditStore(dbFile)).toThrow(
      /event chain broken at organization acme, event 1:/,
    );
    expect(verifyDatabaseFile(dbFile)).toMatchObject({ code: 1 });
  });
});
