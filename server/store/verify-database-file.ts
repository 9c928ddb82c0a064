/**
 * `npm run verify`'s check of a database file: opened read-only, never migrated or repaired, so
 * what it reports is the file as it is. A chain that was removed is reported as tampering
 * rather than chained again (chain-marker.ts); a file SQLite cannot read is told apart from a
 * broken chain.
 */
import Database from 'better-sqlite3';
import { describeChainReport, verifyEventChains } from './chain-verification.ts';
import { checkWitness, readChainWitness } from './chain-witness.ts';
import { hasActorColumns, hasHashColumn, removedChainReason } from './chain-marker.ts';
import { APPEND_ONLY_TRIGGERS } from './schema.ts';

/** What verify prints and its exit code: 0 intact, 1 broken, 2 cannot be read. */
export interface Verification {
  code: 0 | 1 | 2;
  lines: string[];
}

const cannotRead = (dbFile: string, reason: string): Verification => ({
  code: 2,
  lines: [`verify: cannot read ${dbFile}: ${reason}`],
});

function verifyOpened(db: Database.Database, dbFile: string): Verification {
  const witness = readChainWitness(dbFile);
  const names = new Set(
    db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
  );
  if (!names.has('events')) return cannotRead(dbFile, 'it holds no audit log');
  const removed = removedChainReason(db, witness !== undefined);
  if (removed) return { code: 1, lines: [`event chain broken at the database: ${removed}`] };
  if (!hasHashColumn(db)) {
    return cannotRead(
      dbFile,
      'it is from before the event chain; start the server once to chain it',
    );
  }
  const actors = hasActorColumns(db);
  if (!names.has('event_chain')) {
    return { code: 1, lines: ['event chain broken at the database: the chain heads were removed'] };
  }
  const triggers = db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .pluck()
    .all();
  const dropped = APPEND_ONLY_TRIGGERS.filter((name) => !triggers.includes(name));
  const lines = dropped.map(
    (name) => `the append-only trigger ${name} had been dropped outside the service`,
  );
  if (!actors) {
    lines.push(
      "the chain does not cover the events' actors yet: the server's next start adds them",
    );
  }
  const report = checkWitness(db, verifyEventChains(db), witness);
  lines.push(describeChainReport(report));
  if (!report.ok) return { code: 1, lines };
  for (const head of report.heads) {
    lines.push(`  ${head.org}: ${head.count} events, last ${head.lastId}, head ${head.hash}`);
  }
  return { code: dropped.length > 0 ? 1 : 0, lines };
}

/** Verifies `dbFile` without writing to it: `verifyDatabaseFile('.data/audit.db').code === 0`. */
export function verifyDatabaseFile(dbFile: string): Verification {
  let db: Database.Database;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
  } catch (error) {
    return cannotRead(dbFile, (error as Error).message);
  }
  try {
    return verifyOpened(db, dbFile);
  } catch (error) {
    // Not a database, a damaged page, a file that cannot be read: no verdict on the chain.
    return cannotRead(dbFile, (error as Error).message);
  } finally {
    db.close();
  }
}
