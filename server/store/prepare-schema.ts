/**
 * Opens the schema on a connection: connection settings, tables, a chain for the events of a
 * database made before the chain existed, and the append-only triggers (noting any that had
 * been dropped, since the schema would silently recreate them).
 */
import type Database from 'better-sqlite3';
import {
  CHAINED_COLUMNS_WITHOUT_ACTOR,
  chainHash,
  GENESIS_HASH,
  prepareChainHeads,
} from './event-chain.ts';
import { hasActorColumns, hasHashColumn, markChained, removedChainReason } from './chain-marker.ts';
import { describeChainReport, verifyEventChains } from './chain-verification.ts';
import { APPEND_ONLY_TRIGGERS, SCHEMA_SQL, TRIGGERS_SQL } from './schema.ts';
import { TamperedLogError } from './tampered-log-error.ts';

export interface SchemaFindings {
  /** Events of an older database given their chain (or their actors and chain) at this start. */
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

/**
 * Gives every event of an older database its actor as the directory shows them now (the nearest
 * to "when it was written" that such a database still knows) and its link of the chain, which
 * from now on covers the actor too. Runs inside the migration's transaction.
 */
function chainExistingEvents(db: Database.Database): number {
  const page = db
    .prepare<[number], [number, ...Array<string | number | null>]>(
      // No column of users shares a name with one of events.
      `SELECT e.id, ${CHAINED_COLUMNS_WITHOUT_ACTOR}, u.name, u.avatar_path
       FROM events AS e LEFT JOIN users AS u ON u.login = e.user_login
       WHERE e.id > ? ORDER BY e.id LIMIT ${CHAIN_BATCH}`,
    )
    .raw();
  const setChained = db.prepare(
    'UPDATE events SET user_name = ?, user_avatar = ?, hash = ? WHERE id = ?',
  );
  const heads = prepareChainHeads(db);
  db.exec('DROP TRIGGER IF EXISTS events_refuse_update');
  const chains = new Map<string, { lastId: number; hash: string; count: number }>();
  let after = 0;
  let total = 0;
  for (let rows = page.all(after); rows.length > 0; rows = page.all(after)) {
    for (const [id, ...values] of rows) {
      const org = String(values[0]);
      const previous = chains.get(org);
      const hash = chainHash(previous?.hash ?? GENESIS_HASH, values);
      setChained.run(values.at(-2) ?? null, values.at(-1) ?? null, hash, id);
      chains.set(org, { lastId: id, hash, count: (previous?.count ?? 0) + 1 });
      after = id;
      total++;
    }
  }
  db.exec('DELETE FROM event_chain');
  for (const [org, head] of chains) heads.write({ org, ...head });
  return total;
}

/** How the events table stands: new, from before the chain, chained without actors, current. */
function eventsTableState(db: Database.Database) {
  const hadEvents =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !==
    undefined;
  if (!hadEvents) return 'new';
  if (!hasHashColumn(db)) return 'before-chain';
  if (!hasActorColumns(db)) return 'chained-without-actors';
  return 'current';
}

/**
 * Refuses a database whose chain, or the chain's cover of the actors, was removed: chaining it
 * again would bless whatever was edited meanwhile.
 */
function refuseRemovedChain(
  db: Database.Database,
  state: ReturnType<typeof eventsTableState>,
  witnessed: boolean,
) {
  const removed = state === 'new' ? undefined : removedChainReason(db, witnessed);
  if (removed) {
    throw new TamperedLogError(
      `event chain broken at the database: ${removed}. The audit log was changed outside the service; run \`npm run verify\` for details.`,
    );
  }
}

/**
 * Creates or upgrades the schema and reports what it found. An older database is upgraded in
 * one transaction (columns, actors, chain, triggers, version), so a crash leaves it as it was;
 * one chained without actors is verified first, so the upgrade never blesses an edit.
 * `witnessed`: chain heads are kept beside the file (chain-witness.ts), which only a database
 * chained with actors has, so one that looks older had its chain removed.
 */
export function prepareSchema(
  db: Database.Database,
  { witnessed }: { witnessed: boolean } = { witnessed: false },
): SchemaFindings {
  const state = eventsTableState(db);
  refuseRemovedChain(db, state, witnessed);
  const triggers = db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .pluck()
    .all();
  // A database from before the chain may predate some triggers; any other lost them.
  const missingTriggers =
    state === 'new' || state === 'before-chain'
      ? []
      : APPEND_ONLY_TRIGGERS.filter((name) => !triggers.includes(name));
  if (state === 'chained-without-actors') {
    const report = verifyEventChains(db);
    if (!report.ok) {
      throw new TamperedLogError(
        `${describeChainReport(report)}. The audit log was changed outside the service; run \`npm run verify\` for details.`,
      );
    }
  }
  const chainedExisting = db
    .transaction(() => {
      if (state === 'before-chain') db.exec('ALTER TABLE events ADD COLUMN hash TEXT');
      if (state === 'before-chain' || state === 'chained-without-actors') {
        db.exec('ALTER TABLE events ADD COLUMN user_name TEXT');
        db.exec('ALTER TABLE events ADD COLUMN user_avatar TEXT');
      }
      db.exec(SCHEMA_SQL);
      const chained = state === 'new' || state === 'current' ? 0 : chainExistingEvents(db);
      db.exec(TRIGGERS_SQL);
      markChained(db);
      return chained;
    })
    .immediate();
  return { chainedExisting, missingTriggers };
}
