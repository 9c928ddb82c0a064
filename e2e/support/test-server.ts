/**
 * Starts the console's own server (server/main.ts) as a child process on a free port with a
 * temporary DATA_DIR and known demo tokens, as a user would run it, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const TEST_ADMIN_TOKEN = 'pul-' + 'a1'.repeat(20);
export const TEST_MEMBER_TOKEN = 'pul-' + 'b2'.repeat(20);

export interface TestServer {
  baseURL: string;
  adminToken: string;
  memberToken: string;
  dataDir: string;
  /** The server process, for benchmarks that read its memory. */
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  demoEvents?: number;
  /** Reuse a data folder (for example one seeded in bulk); it is then not deleted on stop. */
  dataDir?: string;
  /** The script to run instead of server/main.ts (one that calls its `main`), from the repo root. */
  entry?: string;
}

// The server's own settings never leak in from the machine running the tests (a PULUMI_API_URL
// or FAULTS set there would change what every test sees); each test passes what it needs.
const SERVER_SETTINGS = [
  'PULUMI_API_URL',
  'SESSION_SECRET',
  'FAULTS',
  'FAULTS_SEED',
  'DEMO_EVENTS',
  'MAX_PAGE_SIZE',
  'RATE_LIMIT',
  'OUTBOUND_ALLOW',
  'JOBS',
  'NODE_EXTRA_CA_CERTS',
];

function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of SERVER_SETTINGS) delete env[name];
  return env;
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseURL}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not become healthy in time:\n${output()}`);
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const port = await freePort();
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'audit-console-e2e-'));
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry ?? 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...inheritedEnv(),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_EVENTS: String(options.demoEvents ?? 3000),
      DEMO_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      DEMO_MEMBER_TOKEN: TEST_MEMBER_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForHealth(baseURL, child, () => output);
  return {
    baseURL,
    adminToken: TEST_ADMIN_TOKEN,
    memberToken: TEST_MEMBER_TOKEN,
    dataDir,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
