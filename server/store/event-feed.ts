/**
 * Events in the order they were written (by id), for jobs that must see every new event once,
 * including one logged late with an older timestamp: `eventsAfter('acme', lastSeenId, 500)`.
 */
import type Database from 'better-sqlite3';
import { SELECT_COLUMNS, toStoredEvent, type EventRow, type StoredEvent } from './event-queries.ts';

export function prepareEventFeed(db: Database.Database) {
  const after = db
    .prepare<[number, string, number], EventRow>(
      `SELECT ${SELECT_COLUMNS}
        FROM events AS e
        WHERE e.id > ? AND e.org = ? ORDER BY e.id LIMIT ?`,
    )
    .raw(true);
  const last = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events');
  return {
    /** Up to `limit` events of `org` written after event `afterId`, oldest write first. */
    eventsAfter: (org: string, afterId: number, limit: number): StoredEvent[] =>
      after.all(afterId, org, limit).map(toStoredEvent),
    /** The id of the last event written (0 for none): new events get larger ids. */
    lastEventId: (): number => last.get()?.id ?? 0,
  };
}
