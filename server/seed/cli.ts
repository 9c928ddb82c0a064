/**
 * The bulk seeder: `npm run seed -- --org acme --events 1000000 [--seed 42] [--days 365]`.
 * Seeds the demo organizations first when the database is empty (exactly as the server's first
 * start does, tokens and demo-tokens.json included), then appends deterministic events: at the
 * current second, so a console already open shows them as newer events (events stamped in the
 * past would land inside views and ranges it has already read), or over the last `--days` days.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, parseConfig } from '../config.ts';
import { openDemoStore } from '../demo-data.ts';
import type { AuditStore } from '../store/audit-store.ts';
import { appendInBatches } from './append-in-batches.ts';
import { generateAuditEvents } from './event-generator.ts';
import { buildOrgProfile, isDemoOrg } from './org-profiles.ts';
import { parseSeedArgs, SEED_USAGE, SeedArgsError, type SeedArgs } from './seed-args.ts';

const DAY = 86_400;
const PROGRESS_INTERVAL_MS = 1000;

export type Log = (line: string) => void;

/** The database, with the demo organizations seeded first (as the server's first start does) if new. */
function openSeededStore(args: SeedArgs, env: NodeJS.ProcessEnv, log: Log): AuditStore {
  // Only the variables the demo data reads, so an unrelated server setting cannot stop the seeder.
  const { DEMO_EVENTS, DEMO_ADMIN_TOKEN, DEMO_MEMBER_TOKEN } = env;
  const config = parseConfig({
    DATA_DIR: args.dataDir,
    DEMO_EVENTS,
    DEMO_ADMIN_TOKEN,
    DEMO_MEMBER_TOKEN,
  });
  const { store, seeded } = openDemoStore(config);
  if (seeded) {
    const tokensNote =
      DEMO_ADMIN_TOKEN && DEMO_MEMBER_TOKEN
        ? 'tokens from the environment'
        : 'tokens in demo-tokens.json';
    log(`seeded the demo organizations acme and hobby in ${args.dataDir} (${tokensNote})`);
  }
  return store;
}

function appendBulk(store: AuditStore, args: SeedArgs, log: Log): void {
  if (!isDemoOrg(args.org) || !store.findOrganization(args.org)) {
    const known = store.listOrganizations().map((org) => org.name);
    throw new SeedArgsError(
      `unknown org '${args.org}': this database has ${known.join(', ') || 'no organizations'}`,
    );
  }
  const end = Math.floor(Date.now() / 1000);
  const start = args.days === undefined ? end : end - args.days * DAY + 1;
  const events = generateAuditEvents(buildOrgProfile(args.org), {
    count: args.events,
    seed: args.seed,
    start,
    end,
  });
  const began = performance.now();
  let lastReport = began;
  // bulkLoad: no fsync per checkpoint; a seed interrupted by an OS crash is simply redone.
  const written = store.bulkLoad(() =>
    appendInBatches(store, args.org, events, undefined, (total) => {
      const now = performance.now();
      if (now - lastReport < PROGRESS_INTERVAL_MS) return;
      lastReport = now;
      log(`  ${total.toLocaleString('en-US')} / ${args.events.toLocaleString('en-US')} events`);
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  const rate = Math.round(written / seconds).toLocaleString('en-US');
  log(
    `appended ${written.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s (${rate} events/s)`,
  );
}

/** Runs the seeder with these flags: `await runSeedCli(['--org', 'acme', '--events', '10'], process.env)`. */
export async function runSeedCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  log: Log = console.info,
) {
  const args = parseSeedArgs(argv, env);
  if (args.help) return log(SEED_USAGE);
  // Fail on a bad org before the (slower) first-time demo seed.
  if (!isDemoOrg(args.org))
    throw new SeedArgsError(`unknown org '${args.org}': the seeder knows acme and hobby`);
  mkdirSync(args.dataDir, { recursive: true, mode: 0o700 });
  const store = openSeededStore(args, env, log);
  try {
    appendBulk(store, args, log);
  } finally {
    store.close();
  }
}

const entryFile = process.argv[1];
if (entryFile && import.meta.url === pathToFileURL(path.resolve(entryFile)).href) {
  runSeedCli(process.argv.slice(2), process.env).catch((error: unknown) => {
    if (error instanceof SeedArgsError || error instanceof ConfigError) {
      console.error(`seed: ${error.message}\n${SEED_USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
