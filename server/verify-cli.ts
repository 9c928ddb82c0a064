/**
 * `npm run verify [-- --data-dir DIR]`: recomputes every organization's event chain in
 * `DIR/audit.db` (default `DATA_DIR` or `./.data`), opened read-only. Prints the first broken
 * link and exits 1, prints each chain's head hash (worth keeping elsewhere: see
 * server/store/event-chain.ts) and exits 0, or exits 2 when the file cannot be read.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { logLine } from './log-line.ts';
import { verifyDatabaseFile } from './store/verify-database-file.ts';

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
    log(logLine`verify: no database at ${dbFile}`);
    return 2;
  }
  const { code, lines } = verifyDatabaseFile(dbFile);
  // Organization names and SQLite's messages come from the file: escaped like any log line.
  for (const line of lines) log(logLine`${line}`);
  return code;
}

const entryFile = process.argv[1];
if (entryFile && import.meta.url === pathToFileURL(path.resolve(entryFile)).href) {
  process.exit(runVerify(process.argv.slice(2), process.env, (line) => console.info(line)));
}
