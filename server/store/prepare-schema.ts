/**
 * Opens the schema on a connection: connection settings, tables, a chain for the events of a
 * database made before the chain existed, and the append-only triggers (noting any that had
 * been dropped, since the schema would silently recreate them).
 */
import type Database from 'better-sqlite3';
import { CHAINED_COLUMNS, chainHash, GENESIS_HASH, prepareChainHeads } from './event-chain.ts';
import { CHAIN_REMOVED, hasBeenChained, hasHashColumn, markChained } from './chain-marker.ts';
import { APPEND_ONLY_TRIGGERS, SCHEMA_SQL, TRIGGERS_SQL } from './schema.ts';
import { TamperedLogError } from './tampered-log-error.ts';

export interface SchemaFindings {
  /** Events of an older database that were given their chain at this start. */
  chainedExisting: number;
  /** Append-only triggers that had been dropped since the last start. */
  missingTriggers: string[];
}

/**
 * This connection's settings. `recursive_triggers` makes the implicit delete of
 * `REPLACE INTO events` fire the append-only trigger, so REPLACE cannot rewrite an event.
 */
export function configureConnection(db: Database.Database): void {
  // Only takes effect when the file is new (before the first write). 8 KiB pages measured ~5%
  // less CPU for bulk appends than the 4 KiB default (fewer splits, shallower indexes).
  db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL is durable across process crashes; only an OS crash may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache keeps the four event indexes' hot pages in memory during bulk appends.
  db.pragma('cache_size = -65536');
  db.pragma('recursive_triggers = ON');
}

const CHAIN_BATCH = 10_000;

/** Gives every event of a database from before the chain its hash, trusting them as they are. */
function chainExistingEvents(db: Database.Database): number {
  const page = db
    .prepare<[number], [number, ...Array<string | number | null>]>(
      `SELECT id, ${CHAINED_COLUMNS} FROM events WHERE id > ? ORDER BY id LIMIT ${CHAIN_BATCH}`,
    )
    .raw();
  const setHash = db.prepare('UPDATE events SET hash = ? WHERE id = ?');
  const heads = prepareChainHeads(db);
  return db
    .transaction(() => {
      db.exec('DROP TRIGGER IF EXISTS events_refuse_update');
      const chains = new Map<string, { lastId: number; hash: string; count: number }>();
      let after = 0;
      let total = 0;
      for (let rows = page.all(after); rows.length > 0; rows = page.all(after)) {
        for (const [id, ...values] of rows) {
          const org = String(values[0]);
          const previous = chains.get(org);
          const hash = chainHash(previous?.hash ?? GENESIS_HASH, values);
          setHash.run(hash, id);
          chains.set(org, { lastId: id, hash, count: (previous?.count ?? 0) + 1 });
          after = id;
          total++;
        }
      }
      for (const [org, head] of chains) heads.write({ org, ...head });
      return total;
    })
    .immediate();
}

/** Creates or upgrades the schema and reports what it found. */
export function prepareSchema(db: Database.Database): SchemaFindings {
  const hadEvents = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'")
    .get();
  const needsChain = hadEvents !== undefined && !hasHashColumn(db);
  if (needsChain && hasBeenChained(db)) {
    throw new TamperedLogError(
      `event chain broken at the database: ${CHAIN_REMOVED}. The audit log was changed outside the service; run \`npm run verify\` for details.`,
    );
  }
  const triggers = db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .pluck()
    .all();
  const missingTriggers = hadEvents
    ? APPEND_ONLY_TRIGGERS.filter((name) => !triggers.includes(name))
    : [];
  if (needsChain) db.exec('ALTER TABLE events ADD COLUMN hash TEXT');
  db.exec(SCHEMA_SQL);
  const chainedExisting = needsChain ? chainExistingEvents(db) : 0;
  db.exec(TRIGGERS_SQL);
  markChained(db);
  return { chainedExisting, missingTriggers: needsChain ? [] : missingTriggers };
}
