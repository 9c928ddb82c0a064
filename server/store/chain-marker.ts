/**
 * Whether a database has had an event chain. A database from before the chain is chained on its
 * first start, trusting its rows; one that had a chain and lost it (its `hash` column dropped,
 * its heads deleted) must not be: re-chaining would bless whatever was edited meanwhile. Two
 * signs, so that removing one is not enough: the `event_chain` table, and SQLite's
 * `user_version`, which every database this service has chained carries.
 */
import type Database from 'better-sqlite3';

export const CHAINED_USER_VERSION = 1;
/** From this version on the chain also covers each event's actor (event-chain.ts). */
export const ACTOR_CHAIN_USER_VERSION = 2;

/** Read only: `hasBeenChained(db) === false` for a database from before the chain. */
export function hasBeenChained(db: Database.Database): boolean {
  const version = db.pragma('user_version', { simple: true }) as number;
  const heads = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_chain'")
    .get();
  return version >= CHAINED_USER_VERSION || heads !== undefined;
}

/** Whether `events` has its `hash` column. */
export function hasHashColumn(db: Database.Database): boolean {
  const columns = db.pragma('table_info(events)') as Array<{ name: string }>;
  return columns.some((c) => c.name === 'hash');
}

/** Whether `events` has the actor columns (`user_name`, `user_avatar`) that the chain covers. */
export function hasActorColumns(db: Database.Database): boolean {
  const columns = db.pragma('table_info(events)') as Array<{ name: string }>;
  return columns.some((c) => c.name === 'user_name');
}

/** Whether `db`'s chain has covered its events' actors (so losing those columns is tampering). */
export function actorsHaveBeenChained(db: Database.Database): boolean {
  return (db.pragma('user_version', { simple: true }) as number) >= ACTOR_CHAIN_USER_VERSION;
}

/** Marks `db` as chained, actors included, once its events are. */
export function markChained(db: Database.Database): void {
  if ((db.pragma('user_version', { simple: true }) as number) < ACTOR_CHAIN_USER_VERSION) {
    db.pragma(`user_version = ${ACTOR_CHAIN_USER_VERSION}`);
  }
}

export const CHAIN_REMOVED =
  'the events have no hash column although the database had an event chain: the chain was removed';

export const ACTORS_REMOVED =
  "the events have no actor columns although the database's chain covered them: the chain was removed";

export const WITNESSED_CHAIN_REMOVED =
  'the database looks older than the chain heads kept beside it (audit.db.heads): the chain was removed';

/**
 * Why `db`'s chain, or the chain's cover of the actors, counts as removed, or undefined: the one
 * check opening and `npm run verify` both make. `events` must exist; `witnessed`: chain heads are
 * kept beside the file (chain-witness.ts), which only a database chained with actors has.
 */
export function removedChainReason(db: Database.Database, witnessed: boolean): string | undefined {
  const hash = hasHashColumn(db);
  const actors = hasActorColumns(db);
  if (witnessed && (!hash || !actors)) return WITNESSED_CHAIN_REMOVED;
  if (!hash) return hasBeenChained(db) ? CHAIN_REMOVED : undefined;
  if (!actors && actorsHaveBeenChained(db)) return ACTORS_REMOVED;
  return undefined;
}
