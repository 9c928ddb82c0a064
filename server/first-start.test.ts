/**
 * The first start's files appear whole or not at all: a seed killed or stopped by a full disk
 * leaves no audit.db (the next start seeds a whole one), a secret cut short leaves no secret,
 * and an audit.db that is empty, unreadable or without organizations is refused, not replaced.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { startServer } from './main.ts';
import { loadOrCreateSecret } from './secrets.ts';
import { openAuditStore } from './store/audit-store.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-first-start-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startIn(dataDir: string, events = 300) {
  const running = await startServer(
    parseConfig({ PORT: '0', DATA_DIR: dataDir, DEMO_EVENTS: String(events) }),
    { log: () => {} },
  );
  cleanups.push(() => running.close());
  return running;
}

/** A child process running `code` (an ES module, with tsx), its output and its end. */
function runChild(code: string, env: Record<string, string> = {}, shellPrefix = '') {
  const command = `${shellPrefix}exec "${process.execPath}" --import tsx --input-type=module -e "$CHILD_CODE"`;
  const child = spawn('/bin/sh', ['-c', command], {
    cwd: repoRoot,
    env: { ...process.env, ...env, CHILD_CODE: code },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const saw = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (output.includes(text) ? resolve() : undefined);
      child.stdout.on('data', check);
      child.once('exit', () => (output.includes(text) ? resolve() : reject(new Error(output))));
      check();
    });
  return { child, exited, saw, output: () => output };
}

const MAIN = `await import(${JSON.stringify(path.join(repoRoot, 'server/main.ts'))}).then((m) => m.main());`;
const databaseFiles = (dataDir: string) =>
  readdirSync(dataDir).filter((f) => f.startsWith('audit.db'));

describe('the first start', () => {
  it('killed while seeding leaves no audit.db, and the next start seeds a whole one', async () => {
    const dataDir = tempDir();
    const run = runChild(MAIN, { DATA_DIR: dataDir, PORT: '0', DEMO_EVENTS: '300000' });
    cleanups.push(() => void run.child.kill('SIGKILL'));
    // Kill it once the seed has written a few megabytes, wherever it writes them.
    await expect
      .poll(
        () =>
          databaseFiles(dataDir).reduce((sum, f) => sum + statSync(path.join(dataDir, f)).size, 0),
        { timeout: 60_000, interval: 20 },
      )
      .toBeGreaterThan(4 * 1024 * 1024);
    run.child.kill('SIGKILL');
    await run.exited;
    expect(existsSync(path.join(dataDir, 'audit.db'))).toBe(false);
    const running = await startIn(dataDir);
    expect(running.store?.countEvents('acme')).toBe(300);
    expect(databaseFiles(dataDir).filter((f) => f.includes('.new'))).toEqual([]);
  }, 90_000);

  it('on a full disk leaves no audit.db, and the next start seeds a whole one', async () => {
    const dataDir = tempDir();
    // Files may grow to 2 MiB: enough for the secrets and the code's cache, not for the seed.
    const run = runChild(
      MAIN,
      { DATA_DIR: dataDir, PORT: '0', DEMO_EVENTS: '30000' },
      'ulimit -f 2048; ',
    );
    await run.exited;
    expect(run.output()).toMatch(/disk I\/O error|file too large|EFBIG/i);
    expect(existsSync(path.join(dataDir, 'audit.db'))).toBe(false);
    const running = await startIn(dataDir);
    expect(running.store?.countEvents('acme')).toBe(300);
  }, 90_000);

  it.skipIf(!hasPrlimit)(
    'cut off while writing a secret leaves no secret behind',
    async () => {
      const dataDir = tempDir();
      const file = path.join(dataDir, 'server-secret');
      const secrets = JSON.stringify(path.join(repoRoot, 'server/secrets.ts'));
      const run = runChild(
        `const { loadOrCreateSecret } = await import(${secrets});
       console.log('ready');
       process.stdin.once('data', () => loadOrCreateSecret(${JSON.stringify(file)}));`,
      );
      await run.saw('ready');
      // No file may grow past 0 bytes from now on: the write is cut, as a full disk would.
      expect(spawnSync('prlimit', [`--pid=${run.child.pid}`, '--fsize=0:0']).status).toBe(0);
      run.child.stdin.end('go\n');
      await run.exited;
      expect(existsSync(file)).toBe(false);
      expect(loadOrCreateSecret(file)).toHaveLength(32);
    },
    60_000,
  );
});

describe('an audit.db this server did not finish', () => {
  it.each([
    ['empty (0 bytes)', (file: string) => writeFileSync(file, ''), /it is empty, 0 bytes/],
    [
      'not a database',
      (file: string) => writeFileSync(file, 'x'.repeat(8192)),
      /SQLite cannot read it/,
    ],
    [
      'without organizations',
      (file: string) => openAuditStore(file).close(),
      /it holds no organizations/,
    ],
  ])('is refused with a clear message when %s, and left as it is', async (_name, make, reason) => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'audit.db');
    make(file);
    const before = readFileSync(file);
    await expect(startIn(dataDir)).rejects.toThrow(reason);
    await expect(startIn(dataDir)).rejects.toThrow(/left as it is\. Move it away/);
    expect(readFileSync(file)).toEqual(before);
  });
});
