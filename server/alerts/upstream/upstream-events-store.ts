/**
 * Upstream mode's part of `alerts.db` (migration 2 in ../alerts-schema.ts): the sealed token
 * each organization's rules read Pulumi Cloud with, how far they have read, and the events read,
 * each kept once by its identity for as long as a rule's window can look back. Also the event
 * source the evaluation reads in upstream mode.
 */
import type Database from 'better-sqlite3';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import type { AlertEventSource } from '../alert-event-source.ts';
import { MAX_LOOK_BACK } from '../alert-event-source.ts';

export interface UpstreamReader {
  org: string;
  sealedToken: string;
  /** Unix seconds: the newest event time read, or when the token was first given. */
  readThrough: number;
  /** False until the first read after the token was given. */
  primed: boolean;
  /** Milliseconds. */
  lastReadAt: number | null;
  /** Why the last read failed, in our words; null after a read that worked. */
  lastError: string | null;
}

/** An event read, with its identity (common/pulumi/event-identity.ts). */
export interface ReadEvent {
  identity: string;
  event: AuditLogEvent;
}

interface ReaderRow {
  org: string;
  sealed_token: string;
  read_through: number;
  primed: number;
  last_read_at: number | null;
  last_error: string | null;
}

const toReader = (row: ReaderRow): UpstreamReader => ({
  org: row.org,
  sealedToken: row.sealed_token,
  readThrough: row.read_through,
  primed: row.primed === 1,
  lastReadAt: row.last_read_at,
  lastError: row.last_error,
});

export type UpstreamEventsStore = ReturnType<typeof openUpstreamEventsStore>;

/** Statements on an open, migrated `alerts.db` (the alerts store's connection). */
export function openUpstreamEventsStore(db: Database.Database) {
  const q = {
    reader: db.prepare<[string], ReaderRow>('SELECT * FROM upstream_readers WHERE org = ?'),
    readers: db.prepare<[], ReaderRow>('SELECT * FROM upstream_readers ORDER BY org'),
    setToken: db.prepare<[string, string, number]>(
      `INSERT INTO upstream_readers (org, sealed_token, read_through, primed) VALUES (?, ?, ?, 0)
       ON CONFLICT (org) DO UPDATE SET sealed_token = excluded.sealed_token, last_error = NULL`,
    ),
    removeReader: db.prepare<[string]>('DELETE FROM upstream_readers WHERE org = ?'),
    removeEvents: db.prepare<[string]>('DELETE FROM upstream_events WHERE org = ?'),
    insert: db.prepare<[string, string, number, string]>(
      `INSERT OR IGNORE INTO upstream_events (org, identity, timestamp, event) VALUES (?, ?, ?, ?)`,
    ),
    read: db.prepare<[number, number | null, string | null, string]>(
      `UPDATE upstream_readers SET read_through = MAX(read_through, ?), primed = 1,
       last_read_at = ?, last_error = ? WHERE org = ?`,
    ),
    failed: db.prepare<[number, string, string]>(
      'UPDATE upstream_readers SET last_read_at = ?, last_error = ? WHERE org = ?',
    ),
    startRules: db.prepare<[number, string]>(
      'UPDATE alert_rules SET evaluated_through = ? WHERE org = ?',
    ),
    prune: db.prepare<[string, number]>(
      'DELETE FROM upstream_events WHERE org = ? AND timestamp < ?',
    ),
    lastSeq: db
      .prepare<[string], number>('SELECT COALESCE(MAX(seq), 0) FROM upstream_events WHERE org = ?')
      .pluck(),
    after: db.prepare<[string, number, number], { seq: number; event: string }>(
      'SELECT seq, event FROM upstream_events WHERE org = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    lookBack: db.prepare<[string, number, number, number], { seq: number; event: string }>(
      `SELECT seq, event FROM upstream_events WHERE org = ? AND timestamp >= ? AND seq <= ?
       ORDER BY timestamp DESC, seq ASC LIMIT ?`,
    ),
  };
  const lastSeq = (org: string) => q.lastSeq.get(org) ?? 0;
  const parse = (row: { seq: number; event: string }) => ({
    id: row.seq,
    event: JSON.parse(row.event) as AuditLogEvent,
  });
  const source: AlertEventSource = {
    eventsAfter: (org, afterId, limit) => q.after.all(org, afterId, limit).map(parse),
    lookBack: (org, from, throughId) =>
      q.lookBack.all(org, from, throughId, MAX_LOOK_BACK).map(parse),
    lastId: lastSeq,
  };
  return {
    source,
    reader: (org: string) => {
      const row = q.reader.get(org);
      return row && toReader(row);
    },
    readers: () => q.readers.all().map(toReader),
    /**
     * A new token reads from `nowSeconds` (its rules alert on what is logged from then on); a
     * replaced one goes on from where the last one stopped.
     */
    setToken: (org: string, sealedToken: string, nowSeconds: number) =>
      void q.setToken.run(org, sealedToken, nowSeconds),
    /** Forgets the token and the events read with it. */
    removeReader: (org: string) =>
      db.transaction(() => {
        const removed = q.removeReader.run(org).changes > 0;
        q.removeEvents.run(org);
        return removed;
      })(),
    /**
     * Records one read whole: the events not read before (in the order given, oldest first, so
     * `seq` follows it), the reader's progress, and on the first read the rules' start: what was
     * logged before the token was given is context for counting, never news. Events older than
     * `keepFrom` are forgotten.
     */
    recordRead: (
      reader: UpstreamReader,
      events: readonly ReadEvent[],
      read: { newest: number; at: number; keepFrom: number },
    ) =>
      db.transaction(() => {
        const insert = ({ identity, event }: ReadEvent) =>
          q.insert.run(reader.org, identity, event.timestamp, JSON.stringify(event)).changes;
        let added = 0;
        let rest = events;
        if (!reader.primed) {
          const before = events.filter((e) => e.event.timestamp < reader.readThrough);
          before.forEach(insert);
          q.startRules.run(lastSeq(reader.org), reader.org);
          rest = events.filter((e) => e.event.timestamp >= reader.readThrough);
        }
        for (const event of rest) added += insert(event);
        q.read.run(read.newest, read.at, null, reader.org);
        q.prune.run(reader.org, read.keepFrom);
        return added;
      })(),
    recordFailure: (org: string, at: number, message: string) =>
      void q.failed.run(at, message, org),
    lastSeq,
  };
}
