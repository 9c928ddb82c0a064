/**
 * The tamper-evident chain over each organization's events. Every row holds
 * `hash = SHA-256(previous row's hash of the same organization | the row's content)`, and
 * `event_chain` holds each organization's last id, hash and count. A row changed, deleted or
 * inserted behind the service's back (with the sqlite3 tool, which can drop the append-only
 * triggers) breaks the chain at that row; rows cut from the end disagree with `event_chain`.
 *
 * A row also holds its actor as the directory showed them when it was written (`user_name`,
 * `user_avatar`; the token's name was always the event's own), so the chain covers everything
 * an event shows: renaming a user changes what later events show, never an earlier one, and the
 * directory tables (users, tokens, memberships) need no chain of their own.
 *
 * What it does not stop: someone who rewrites a row, recomputes every later hash and the head
 * can pass the check. To catch that too, keep the head hashes `npm run verify` prints somewhere
 * the database's writers cannot reach.
 */
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** The hash a chain starts from: `GENESIS_HASH` for an organization's first event. */
export const GENESIS_HASH = hash('sha256', 'audit-log-console event chain v1', 'base64url');

/**
 * The stored columns of an event, in the order of `CHAINED_COLUMNS` and of the writer's INSERT:
 * org, timestamp, source_ip, event, description, user_login, token_id, token_name, actor_name,
 * actor_urn, req_org_admin, req_stack_admin, auth_failure, user_name, user_avatar.
 */
export type ChainedValues = ReadonlyArray<string | number | null>;

/** What the first chain covered: the event's own columns, the actor only by login. */
export const CHAINED_COLUMNS_WITHOUT_ACTOR = `org, timestamp, source_ip, event, description,
  user_login, token_id, token_name, actor_name, actor_urn, req_org_admin, req_stack_admin,
  auth_failure`;

/** What the chain covers: the event's columns and its actor's name and avatar at the time. */
export const CHAINED_COLUMNS = `${CHAINED_COLUMNS_WITHOUT_ACTOR}, user_name, user_avatar`;

/**
 * The next link: strings are length-prefixed so no two rows encode alike however their text is
 * split between fields: `chainHash(GENESIS_HASH, ['acme', 1, …])` is 43 base64url characters.
 */
export function chainHash(previous: string, values: ChainedValues): string {
  let text = previous;
  for (const value of values) {
    text += typeof value === 'string' ? `|${value.length}:${value}` : `|${value ?? '-'}`;
  }
  return hash('sha256', text, 'base64url');
}

export interface ChainHead {
  org: string;
  lastId: number;
  hash: string;
  count: number;
}

/** The `event_chain` statements: read an organization's head, write it after an append. */
export function prepareChainHeads(db: Database.Database) {
  const read = db.prepare<[string], ChainHead>(
    'SELECT org, last_id AS lastId, hash, count FROM event_chain WHERE org = ?',
  );
  const write = db.prepare(
    'INSERT OR REPLACE INTO event_chain (org, last_id, hash, count) VALUES (?, ?, ?, ?)',
  );
  const all = db.prepare<[], ChainHead>(
    'SELECT org, last_id AS lastId, hash, count FROM event_chain ORDER BY org',
  );
  return {
    read: (org: string) => read.get(org),
    write: (head: ChainHead) => write.run(head.org, head.lastId, head.hash, head.count),
    all: () => all.all(),
  };
}
