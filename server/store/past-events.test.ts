/**
 * A past event shows what it showed when it was written: renaming a user (through the service or
 * with the sqlite3 tool) changes no byte of an earlier event's export, and changing the actor an
 * event recorded breaks the chain.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogPage } from '../../common/pulumi/wire-types.ts';
import { rawGet } from '../testing/raw-get.ts';
import { ADMIN_TOKEN, BASE_TIME, makeEvents } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { verifyDatabaseFile } from './verify-database-file.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const dbFile = () => path.join(server.dataDir, 'audit.db');
const sqlite3 = (sql: string) => execFileSync('sqlite3', [dbFile(), sql], { encoding: 'utf8' });

async function exportCsv(): Promise<string> {
  const answer = await rawGet(
    `${server.baseURL}/api/orgs/acme/auditlogs/v2/export?startTime=${BASE_TIME - 10}`,
    { Authorization: `token ${ADMIN_TOKEN}` },
  );
  expect(answer.status).toBe(200);
  return gunzipSync(answer.body).toString('utf8');
}

async function newestEvents() {
  const answer = await server.get('/api/orgs/acme/auditlogs/v2?pageSize=10');
  return ((await answer.json()) as AuditLogPage).auditLogEvents;
}

describe('a past event never changes', () => {
  it('keeps its name and avatar in the export and the list when the user is renamed', async () => {
    const before = await exportCsv();
    expect(before).toContain('Ada Admin');
    const adaBefore = (await newestEvents()).find((e) => e.user.githubLogin === 'ada');
    server.store.upsertUser({
      login: 'ada',
      name: 'Someone Else',
      email: 'ada@example.com',
      avatarPath: 'https://avatars.example.com/someone-else',
    });
    expect(await exportCsv()).toBe(before);
    const adaAfter = (await newestEvents()).find((e) => e.user.githubLogin === 'ada');
    expect(adaAfter?.user).toEqual(adaBefore?.user);
    // What happens from now on carries the new name.
    server.store.appendEvents('acme', [
      {
        timestamp: BASE_TIME + 5000,
        sourceIP: '203.0.113.9',
        event: 'user-login',
        description: 'later',
        userLogin: 'ada',
      },
    ]);
    const [latest] = await newestEvents();
    expect(latest?.user).toMatchObject({
      name: 'Someone Else',
      avatarUrl: 'https://avatars.example.com/someone-else',
    });
  });

  it('keeps its bytes when the directory is rewritten with the sqlite3 tool, and verify agrees', async () => {
    const before = await exportCsv();
    sqlite3(
      "UPDATE users SET name = 'Forged Name', avatar_path = '/avatars/x.svg'; DELETE FROM users WHERE login = 'mel';",
    );
    expect(await exportCsv()).toBe(before);
    expect(verifyDatabaseFile(dbFile()).code).toBe(0);
  });

  it.each([
    ['a rewritten name', "UPDATE events SET user_name = 'Forged Name' WHERE id = 5;", 5],
    ['a removed name', 'UPDATE events SET user_name = NULL WHERE id = 6;', 6],
    [
      'a rewritten avatar',
      "UPDATE events SET user_avatar = 'https://evil.example/a.png' WHERE id = 7;",
      7,
    ],
  ])('%s of a past event breaks the chain at that event', (_name, sql, id) => {
    sqlite3(`DROP TRIGGER events_refuse_update; ${sql}`);
    const verdict = verifyDatabaseFile(dbFile());
    expect(verdict.code).toBe(1);
    expect(verdict.lines.join('\n')).toMatch(new RegExp(`organization acme, event ${id}: `));
  });

  it('the fixtures cover users the directory does not know', () => {
    server.store.appendEvents(
      'acme',
      makeEvents(1, BASE_TIME + 9000).map((e) => ({ ...e, userLogin: 'ghost' })),
    );
    expect(verifyDatabaseFile(dbFile()).code).toBe(0);
  });
});
