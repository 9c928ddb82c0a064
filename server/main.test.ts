/**
 * The process as a whole: start-up with the seeded demo data, the banner, token
 * handling across restarts, secrets on disk, proxy mode, config errors and signals.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditLogPage, CurrentUser } from '../common/pulumi/wire-types.ts';
import { parseConfig } from './config.ts';
import { startServer, type RunningServer } from './main.ts';

const ADMIN = `pul-${'1a'.repeat(20)}`;
const MEMBER = `pul-${'2b'.repeat(20)}`;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-main-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(
  env: Record<string, string>,
): Promise<{ running: RunningServer; lines: string[] }> {
  const lines: string[] = [];
  const running = await startServer(parseConfig({ PORT: '0', DEMO_EVENTS: '300', ...env }), {
    log: (line) => lines.push(line),
  });
  cleanups.push(() => running.close());
  return { running, lines };
}

const api = (running: RunningServer, pathname: string, token: string) =>
  fetch(`${running.url}${pathname}`, { headers: { Authorization: `token ${token}` } });

describe('startServer with the demo organization', () => {
  it('seeds an empty data folder, prints the banner and serves the contract', async () => {
    const dataDir = tempDir();
    const { running, lines } = await start({
      DATA_DIR: dataDir,
      DEMO_ADMIN_TOKEN: ADMIN,
      DEMO_MEMBER_TOKEN: MEMBER,
    });
    expect(lines[0]).toBe(`Audit Log Console listening on http://127.0.0.1:${running.port}`);
    const banner = lines.join('\n');
    expect(banner).toContain(ADMIN);
    expect(banner).toContain(MEMBER);
    expect(banner).toMatch(/acme \(.*Business Critical\)/);
    expect(banner).toMatch(/hobby \(/);
    // Tokens given in the environment are not written anywhere in plain text.
    expect(existsSync(path.join(dataDir, 'demo-tokens.json'))).toBe(false);
    expect(await (await fetch(`${running.url}/healthz`)).text()).toBe('ok');
    const user = (await (await api(running, '/api/user', ADMIN)).json()) as CurrentUser;
    expect(user.organizations.map((o) => [o.name, o.role])).toEqual(
      expect.arrayContaining([
        ['acme', 'admin'],
        ['hobby', 'admin'],
      ]),
    );
    const page = (await (
      await api(running, '/api/orgs/acme/auditlogs/v2?pageSize=5', ADMIN)
    ).json()) as AuditLogPage;
    expect(page.auditLogEvents).toHaveLength(5);
    expect((await api(running, '/api/orgs/hobby/auditlogs/v2', ADMIN)).status).toBe(400);
    expect((await api(running, '/api/orgs/acme/auditlogs/v2', MEMBER)).status).toBe(403);
    // Organizations' avatars are always drawn here, by server/seed/avatar-svg.ts.
    const avatar = await fetch(user.organizations.find((o) => o.name === 'acme')?.avatarUrl ?? '', {
      headers: { Authorization: `token ${ADMIN}` },
    });
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(await avatar.text()).toMatch(/^<svg/);
    expect(running.store?.countEvents('acme')).toBeGreaterThan(0);
  });

  it('keeps the data on restart and moves the demo tokens to new values', async () => {
    const dataDir = tempDir();
    const first = await start({
      DATA_DIR: dataDir,
      DEMO_ADMIN_TOKEN: ADMIN,
      DEMO_MEMBER_TOKEN: MEMBER,
    });
    const count = first.running.store?.countEvents();
    const page = (await (
      await api(first.running, '/api/orgs/acme/auditlogs/v2?pageSize=5', ADMIN)
    ).json()) as AuditLogPage;
    await first.running.close();
    const newAdmin = `pul-${'3c'.repeat(20)}`;
    const second = await start({
      DATA_DIR: dataDir,
      DEMO_ADMIN_TOKEN: newAdmin,
      DEMO_MEMBER_TOKEN: MEMBER,
    });
    expect(second.running.store?.countEvents()).toBe(count);
    expect((await api(second.running, '/api/user', newAdmin)).status).toBe(200);
    expect((await api(second.running, '/api/user', ADMIN)).status).toBe(401);
    expect((await api(second.running, '/api/user', MEMBER)).status).toBe(200);
    // Continuation tokens survive restarts: the signing secret lives in the data folder.
    const token = encodeURIComponent(page.continuationToken ?? '');
    const next = await api(
      second.running,
      `/api/orgs/acme/auditlogs/v2?pageSize=5&continuationToken=${token}`,
      newAdmin,
    );
    expect(next.status).toBe(200);
  });

  it('generates tokens once, keeps them only in a 0600 file, and prints them at every start', async () => {
    const dataDir = tempDir();
    const first = await start({ DATA_DIR: dataDir });
    const file = path.join(dataDir, 'demo-tokens.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const tokens = JSON.parse(readFileSync(file, 'utf8')) as {
      adminToken: string;
      memberToken: string;
    };
    expect(tokens.adminToken).toMatch(/^pul-[0-9a-f]{40}$/);
    expect(tokens.memberToken).toMatch(/^pul-[0-9a-f]{40}$/);
    expect(first.lines.join('\n')).toContain(tokens.adminToken);
    expect(readFileSync(path.join(dataDir, 'audit.db')).includes(tokens.adminToken)).toBe(false);
    for (const secret of ['session-secret', 'server-secret']) {
      expect(statSync(path.join(dataDir, secret)).mode & 0o777).toBe(0o600);
    }
    await first.running.close();
    const second = await start({ DATA_DIR: dataDir });
    expect(second.lines.join('\n')).toContain(tokens.memberToken);
    expect((await api(second.running, '/api/user', tokens.adminToken)).status).toBe(200);
  });

  it('opens no database in proxy mode', async () => {
    const dataDir = tempDir();
    const { running, lines } = await start({
      DATA_DIR: dataDir,
      PULUMI_API_URL: 'http://127.0.0.1:9',
    });
    expect(running.store).toBeUndefined();
    expect(existsSync(path.join(dataDir, 'audit.db'))).toBe(false);
    expect(lines.join('\n')).toContain('Forwarding /api/* to http://127.0.0.1:9/');
    expect((await api(running, '/api/user', ADMIN)).status).toBe(502);
  });
});

function runMain(env: Record<string, string>, untilLine?: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const seen = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (untilLine?.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, seen, exited, output: () => output };
}

describe('server/main.ts as a process', () => {
  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ FAULTS: 'chaos:1' }, /FAULTS/],
    [{ DEMO_ADMIN_TOKEN: 'pul-short' }, /DEMO_ADMIN_TOKEN/],
  ])('exits 1 with a clear message for %j', async (env, message) => {
    const run = runMain({ DATA_DIR: tempDir(), ...env });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/Configuration error/);
    expect(run.output()).toMatch(message);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const run = runMain(
      { DATA_DIR: tempDir(), PORT: '0', DEMO_EVENTS: '50' },
      /listening on http:\/\/127\.0\.0\.1:\d+/,
    );
    await run.seen;
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
