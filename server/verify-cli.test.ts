import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { startServer } from './main.ts';
import { runVerify } from './verify-cli.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'verify-cli-test-'));
  const running = await startServer(
    parseConfig({ PORT: '0', DEMO_EVENTS: '200', DATA_DIR: dataDir }),
    {
      log: () => {},
    },
  );
  await running.close();
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const verify = () => {
  const lines: string[] = [];
  const code = runVerify(['--data-dir', dataDir], {}, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
};
const sqlite3 = (sql: string) => execFileSync('sqlite3', [path.join(dataDir, 'audit.db'), sql]);

describe('npm run verify', () => {
  it('exits 0 and prints each chain head for an untouched log', () => {
    const { code, output } = verify();
    expect(code).toBe(0);
    expect(output).toMatch(/^event chain intact: \d+ events$/m);
    expect(output).toMatch(/^ {2}acme: \d+ events, last \d+, head [A-Za-z0-9_-]{43}$/m);
  });

  it('prints the first broken link and exits 1 after an edit with the sqlite3 tool', () => {
    sqlite3(
      "DROP TRIGGER events_refuse_update; UPDATE events SET user_login = 'someone-else' WHERE id IN (17, 30);",
    );
    const { code, output } = verify();
    expect(code).toBe(1);
    expect(output).toContain('the append-only trigger events_refuse_update had been dropped');
    expect(output).toMatch(/event chain broken at organization \w+, event 17: /);
  });

  it('says so when there is no database', () => {
    expect(runVerify(['--data-dir', path.join(dataDir, 'none')], {}, () => {})).toBe(2);
  });
});

const dbFile = () => path.join(dataDir, 'audit.db');
const digest = () => createHash('sha256').update(readFileSync(dbFile())).digest('hex');
const hasHashColumn = () =>
  sqlite3("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'hash';").toString() ===
  '1\n';

describe('npm run verify reads the file as it is', () => {
  it('exits 1 when the chain was removed, and leaves the file unchanged instead of chaining it again', () => {
    sqlite3(
      "DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete; UPDATE events SET description = 'forged' WHERE id = 3; DELETE FROM events WHERE id = 4; ALTER TABLE events DROP COLUMN hash; DELETE FROM event_chain;",
    );
    const before = digest();
    const { code, output } = verify();
    expect(code).toBe(1);
    expect(output).toMatch(/^event chain broken at the database: .*the chain was removed$/m);
    expect(output).not.toMatch(/intact/);
    expect(verify().code).toBe(1);
    expect(digest()).toBe(before);
    expect(hasHashColumn()).toBe(false);
  });

  it('exits 1 when the chain heads were emptied beside chained events', () => {
    sqlite3('DELETE FROM event_chain;');
    const { code, output } = verify();
    expect(code).toBe(1);
    expect(output).toMatch(
      /event chain broken at organization \w+: events exist that the service never wrote/,
    );
  });

  it('exits 2, not 1, for a file SQLite cannot read, and says why', () => {
    writeFileSync(dbFile(), 'not a database '.repeat(1000));
    const { code, output } = verify();
    expect(code).toBe(2);
    expect(output).toMatch(/^verify: cannot read .*audit\.db: file is not a database$/);
  });

  it('exits 2 for a database from before the chain, and does not chain it', () => {
    sqlite3(
      'DROP TRIGGER events_refuse_update; ALTER TABLE events DROP COLUMN hash; DROP TABLE event_chain; PRAGMA user_version = 0;',
    );
    const before = digest();
    // The heads kept beside the file say it had a chain: that is tampering.
    expect(verify()).toMatchObject({ code: 1, output: expect.stringMatching(/chain was removed/) });
    // A database from before the chain had no heads beside it.
    rmSync(`${dbFile()}.heads`);
    const { code, output } = verify();
    expect(code).toBe(2);
    expect(output).toMatch(/from before the event chain; start the server once to chain it/);
    expect(digest()).toBe(before);
  });
});

describe('the server at start', () => {
  it('refuses to serve a log changed outside the service, and says where', async () => {
    sqlite3('DROP TRIGGER events_refuse_delete; DELETE FROM events WHERE id = 5;');
    const lines: string[] = [];
    const starting = startServer(parseConfig({ PORT: '0', DATA_DIR: dataDir }), {
      log: (line) => lines.push(line),
    });
    await expect(starting).rejects.toThrow(
      /event chain broken at organization \w+, event 6: .*npm run verify/,
    );
    expect(lines.join('\n')).toContain(
      'WARNING: the append-only triggers events_refuse_delete had been dropped',
    );
  });
});
