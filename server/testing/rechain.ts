/**
 * What an attacker who can write the database file does to hide an edit, for the chain's tests:
 * hash every event again over the given columns and move each organization's head to match.
 */
import type Database from 'better-sqlite3';
import { chainHash, GENESIS_HASH } from '../store/event-chain.ts';

/** Drops the triggers that refuse updates and deletes of events. */
export const DROP_TRIGGERS =
  'DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete; ';

export function rechainEvents(db: Database.Database, chainedColumns: string): void {
  const rows = db
    .prepare(`SELECT id, ${chainedColumns} FROM events ORDER BY id`)
    .raw()
    .all() as Array<[number, ...Array<string | number | null>]>;
  const heads = new Map<string, { id: number; hash: string; count: number }>();
  for (const [id, ...values] of rows) {
    const org = String(values[0]);
    const previous = heads.get(org);
    const hash = chainHash(previous?.hash ?? GENESIS_HASH, values);
    db.prepare('UPDATE events SET hash = ? WHERE id = ?').run(hash, id);
    heads.set(org, { id, hash, count: (previous?.count ?? 0) + 1 });
  }
  for (const [org, head] of heads) {
    db.prepare('UPDATE event_chain SET last_id = ?, hash = ?, count = ? WHERE org = ?').run(
      head.id,
      head.hash,
      head.count,
      org,
    );
  }
}
