import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/hash-token.ts';
import { openAuditStore } from '../store/audit-store.ts';
import { runSeedCli } from './cli.ts';
import { HOBBY_EVENTS } from './demo-organization.ts';

let dataDir: string;
let lines: string[];
const log = (line: string) => lines.push(line);
const ENV = { DEMO_EVENTS: '1000' };
const TOP = { timestamp: Number.MAX_SAFE_INTEGER, id: 0 };

function counts() {
  const store = openAuditStore(path.join(dataDir, 'audit.db'));
  try {
    return { acme: store.countEvents('acme'), hobby: store.countEvents('hobby') };
  } finally {
    store.close();
  }
}

beforeEach(() => {
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'seed-cli-test-')), 'data');
  lines = [];
});

afterEach(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

describe('runSeedCli', () => {
  it('seeds the demo orgs into an empty database, then appends', async () => {
    await runSeedCli(
      ['--org', 'acme', '--events', '2500', '--days', '30', '--data-dir', dataDir],
      ENV,
      log,
    );
    expect(counts()).toEqual({ acme: 3500, hobby: HOBBY_EVENTS });
    expect(lines[0]).toMatch(/^seeded the demo organizations acme and hobby/);
    expect(lines.at(-1)).toMatch(/^appended 2,500 events in [\d.]+ s \([\d,]+ events\/s\)$/);
    const tokensFile = path.join(dataDir, 'demo-tokens.json');
    expect(statSync(tokensFile).mode & 0o777).toBe(0o600);
    const tokens = JSON.parse(readFileSync(tokensFile, 'utf8')) as Record<string, string>;
    expect(tokens).toEqual({
      adminToken: expect.stringMatching(/^pul-[0-9a-f]{40}$/),
      memberToken: expect.any(String),
    });
  });

  it('only appends when the database already has the demo orgs', async () => {
    await runSeedCli(['--org', 'hobby', '--events', '10', '--data-dir', dataDir], ENV, log);
    lines = [];
    await runSeedCli(['--org', 'hobby', '--events', '20', '--data-dir', dataDir], ENV, log);
    expect(counts()).toEqual({ acme: 1000, hobby: HOBBY_EVENTS + 30 });
    expect(lines.some((line) => line.startsWith('seeded'))).toBe(false);
  });

  it('appends at the current second without --days, and over the last N days with it', async () => {
    const before = Math.floor(Date.now() / 1000);
    await runSeedCli(['--org', 'hobby', '--events', '40', '--data-dir', dataDir], ENV, log);
    const after = Math.floor(Date.now() / 1000);
    await runSeedCli(
      ['--org', 'hobby', '--events', '2000', '--days', '10', '--data-dir', dataDir],
      ENV,
      log,
    );
    const store = openAuditStore(path.join(dataDir, 'audit.db'));
    const newest = (from: number) =>
      store.listEvents({ org: 'hobby', fromTimestamp: from, before: TOP, limit: 5000 });
    try {
      // The 40 appended at the current second, plus the --days events that fell in it.
      const recent = newest(before).filter((e) => e.timestamp <= after);
      expect(recent.length).toBeGreaterThanOrEqual(40);
      const spread = newest(before - 10 * 86_400);
      expect(spread.length).toBeGreaterThanOrEqual(2040);
      expect(new Set(spread.map((e) => Math.floor(e.timestamp / 86_400))).size).toBeGreaterThan(5);
    } finally {
      store.close();
    }
  });

  it('uses the demo tokens from the environment', async () => {
    const adminToken = `pul-${'a'.repeat(40)}`;
    const env = {
      ...ENV,
      DEMO_ADMIN_TOKEN: adminToken,
      DEMO_MEMBER_TOKEN: `pul-${'b'.repeat(40)}`,
    };
    await runSeedCli(['--org', 'acme', '--events', '1', '--data-dir', dataDir], env, log);
    const store = openAuditStore(path.join(dataDir, 'audit.db'));
    expect(store.findToken(hashToken(adminToken))?.login).toBe('demo-admin');
    store.close();
  });

  it('refuses an unknown org before touching the data folder', async () => {
    await expect(
      runSeedCli(['--org', 'nope', '--events', '5', '--data-dir', dataDir], ENV, log),
    ).rejects.toThrow(/unknown org 'nope'/);
    expect(() => statSync(dataDir)).toThrow();
  });

  it('prints the usage for --help', async () => {
    await runSeedCli(['--help'], {}, log);
    expect(lines[0]).toMatch(/^usage: npm run seed --/);
  });
});
