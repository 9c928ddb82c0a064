/**
 * The benchmark's data: BENCH_EVENTS events for org `acme` in a temporary DATA_DIR, seeded with
 * the seed CLI when it exists (server/seed/cli.ts), else by the server's first start. Set
 * BENCH_DATA_DIR to keep and reuse a seeded folder between runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startTestServer,
  TEST_ADMIN_TOKEN,
  TEST_MEMBER_TOKEN,
  type TestServer,
} from '../../e2e/support/test-server.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const seedCli = path.join(repoRoot, 'server/seed/cli.ts');

/**
 * BENCH_EVENTS as a comma-separated list of sizes: `BENCH_EVENTS=100000,1000000`; empty for
 * none (`BENCH_EVENTS= npm run bench:export` runs only what needs no size of its own).
 */
export function benchEventCounts(fallback: string): number[] {
  const raw = process.env.BENCH_EVENTS ?? fallback;
  if (raw.trim() === '') return [];
  return raw.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isSafeInteger(value) || value < 1)
      throw new Error(`BENCH_EVENTS must be positive integers, separated by commas`);
    return value;
  });
}

/** Seeds with the CLI (exactly `events` for acme: no demo events first); false if it failed. */
function seedWithCli(dataDir: string, events: number): boolean {
  const args = [
    '--import',
    'tsx',
    seedCli,
    '--org',
    'acme',
    '--events',
    String(events),
    // Spread over a year, as the benchmarks have always measured (the default is "now").
    '--days',
    '365',
    '--data-dir',
    dataDir,
  ];
  const env = {
    ...process.env,
    DEMO_EVENTS: '0',
    DEMO_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    DEMO_MEMBER_TOKEN: TEST_MEMBER_TOKEN,
  };
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit', env });
  if (result.status === 0) return true;
  console.warn(
    `the seed CLI failed (status ${result.status}); seeding through the server's first start instead`,
  );
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  return false;
}

/**
 * Seeds (unless BENCH_DATA_DIR already holds data) and starts a server on the data; with
 * `harnessRoot`, the server hosts that folder in place of the app (harness-server.ts).
 */
export async function startBenchServer(
  events: number,
  env: Record<string, string> = {},
  harnessRoot?: string,
): Promise<TestServer & { seedSeconds: number }> {
  const reuse = process.env.BENCH_DATA_DIR;
  const dataDir = reuse ?? mkdtempSync(path.join(tmpdir(), 'export-bench-'));
  const seeded = existsSync(path.join(dataDir, 'audit.db'));
  const started = performance.now();
  if (!seeded && existsSync(seedCli)) seedWithCli(dataDir, events);
  const server = await startTestServer({
    dataDir,
    demoEvents: events,
    ...(harnessRoot
      ? {
          env: { ...env, BENCH_HARNESS_ROOT: harnessRoot },
          entry: 'bench/support/harness-server.ts',
        }
      : { env }),
  });
  const seedSeconds = seeded ? 0 : (performance.now() - started) / 1000;
  return {
    ...server,
    seedSeconds,
    async stop() {
      await server.stop();
      // startTestServer keeps folders it was given; drop ours unless asked to keep it.
      if (!reuse) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
