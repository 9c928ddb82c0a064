/**
 * `npm run verify [-- --data-dir DIR]`: recomputes every organization's event chain in
 * `DIR/audit.db` (default `DATA_DIR` or `./.data`), prints the first broken link and exits 1, or
 * prints each chain's head hash (worth keeping elsewhere: see server/store/event-chain.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeChainReport } from './store/chain-verification.ts';
import { openAuditStore } from './store/audit-store.ts';

/** Returns the exit code: `runVerify(['--data-dir', dir], process.env, console.info) === 0`. */
export function runVerify(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): number {
  const flag = argv.indexOf('--data-dir');
  const dataDir = path.resolve(flag >= 0 ? (argv[flag + 1] ?? '') : env.DATA_DIR || '.data');
  const dbFile = path.join(dataDir, 'audit.db');
  if (!existsSync(dbFile)) {
    log(`verify: no database at ${dbFile}`);
    return 2;
  }
  const store = openAuditStore(dbFile);
  try {
    for (const name of store.findings.missingTriggers) {
      log(`the append-only trigger ${name} had been dropped outside the service`);
    }
    const report = store.verifyChains();
    log(describeChainReport(report));
    if (!report.ok) return 1;
    for (const head of report.heads) {
      log(`  ${head.org}: ${head.count} events, last ${head.lastId}, head ${head.hash}`);
    }
    return store.findings.missingTriggers.length > 0 ? 1 : 0;
  } finally {
    store.close();
  }
}

const entryFile = process.argv[1];
if (entryFile && import.meta.url === pathToFileURL(path.resolve(entryFile)).href) {
  process.exit(runVerify(process.argv.slice(2), process.env, (line) => console.info(line)));
}
