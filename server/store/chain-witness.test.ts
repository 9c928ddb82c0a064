/**
 * Attacks on the chain that only the heads kept beside the database catch: making the file look
 * as if it had never been chained, and rewriting an event then every later hash and the heads.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvents, writeDirectory } from '../testing/fixtures.ts';
import { openAuditStore } from './audit-store.ts';
import { DROP_TRIGGERS, rechainEvents } from '../testing/rechain.ts';
import { CHAINED_COLUMNS } from './event-chain.ts';
import { readChainWitness, witnessFileOf } from './chain-witness.ts';
import { TRIGGERS_SQL } from './schema.ts';
import { verifyDatabaseFile } from './verify-database-file.ts';

let dir: string;
let dbFile: string;
const sqlite3 = (sql: string) => execFileSync('sqlite3', [dbFile, sql], { encoding: 'utf8' });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'chain-witness-test-'));
  dbFile = path.join(dir, 'audit.db');
  const store = openAuditStore(dbFile);
  writeDirectory(store);
  store.appendEvents('acme', makeEvents(30));
  store.appendEvents('hobby', makeEvents(4));
  store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What someone who can write the file does to hide an edit: every later hash and the heads. */
function rechain() {
  const db = new Database(dbFile);
  rechainEvents(db, CHAINED_COLUMNS);
  db.exec(TRIGGERS_SQL);
  db.close();
}

describe('the heads kept beside the database', () => {
  it('follow every append', () => {
    const store = openAuditStore(dbFile);
    store.appendEvents('acme', makeEvents(3, 1_800_000_000));
    const heads = store.verifyChains();
    store.close();
    expect(heads.ok && heads.heads).toEqual(readChainWitness(dbFile));
    expect(readChainWitness(dbFile)?.find((h) => h.org === 'acme')?.count).toBe(33);
  });

  it('may lag the database (a crash after the commit) without a false alarm', () => {
    copyFileSync(witnessFileOf(dbFile), `${dbFile}.older`);
    const store = openAuditStore(dbFile);
    store.appendEvents('acme', makeEvents(3, 1_800_000_000));
    store.close();
    copyFileSync(`${dbFile}.older`, witnessFileOf(dbFile));
    expect(verifyDatabaseFile(dbFile)).toMatchObject({ code: 0 });
    const reopened = openAuditStore(dbFile);
    expect(reopened.verifyChains()).toMatchObject({ ok: true, events: 37 });
    reopened.close();
  });
});

describe('attacks the kept heads catch', () => {
  it('a chain removed to look as if it had never been chained', () => {
    sqlite3(
      `${DROP_TRIGGERS}UPDATE events SET description = 'forged' WHERE id = 3; ALTER TABLE events DROP COLUMN user_name; ALTER TABLE events DROP COLUMN user_avatar; ALTER TABLE events DROP COLUMN hash; DROP TABLE event_chain; PRAGMA user_version = 0;`,
    );
    expect(() => openAuditStore(dbFile)).toThrow(/looks older than the chain heads kept beside it/);
    expect(verifyDatabaseFile(dbFile)).toMatchObject({ code: 1 });
    // Nothing was chained again.
    expect(sqlite3("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'hash';")).toBe(
      '0\n',
    );
  });

  it('an edit hidden by recomputing every later hash and the heads', () => {
    sqlite3(`${DROP_TRIGGERS}UPDATE events SET description = 'forged' WHERE id = 5;`);
    rechain();
    const verdict = verifyDatabaseFile(dbFile);
    expect(verdict.code).toBe(1);
    expect(verdict.lines.join('\n')).toMatch(/organization acme, event 30: .*it was rewritten/);
    const store = openAuditStore(dbFile);
    expect(store.verifyChains()).toMatchObject({ ok: false, org: 'acme', id: 30 });
    store.close();
  });

  it('(without the kept heads, that rewrite passes: keep them where the writers cannot reach)', () => {
    sqlite3(`${DROP_TRIGGERS}UPDATE events SET description = 'forged' WHERE id = 5;`);
    rechain();
    rmSync(witnessFileOf(dbFile));
    expect(verifyDatabaseFile(dbFile)).toMatchObject({ code: 0 });
  });
});
