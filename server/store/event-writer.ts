/**
 * Bulk appends. One prepared INSERT with positional parameters inside one transaction per call:
 * the fastest path better-sqlite3 offers (hundreds of thousands of rows per second). Each row
 * carries its link of the organization's hash chain, and the chain's head moves once per call.
 * Each row also keeps its actor's name and avatar as the directory shows them at that moment,
 * so a later rename changes no past event (event-chain.ts).
 */
import type Database from 'better-sqlite3';
import { CHAINED_COLUMNS, chainHash, GENESIS_HASH, prepareChainHeads } from './event-chain.ts';

export interface NewAuditEvent {
  /** Unix seconds. */
  timestamp: number;
  sourceIP: string;
  event: string;
  description: string;
  userLogin: string;
  tokenID?: string;
  tokenName?: string;
  actorName?: string;
  actorUrn?: string;
  reqOrgAdmin?: boolean;
  reqStackAdmin?: boolean;
  authFailure?: boolean;
}

/** Empty optional text is stored as NULL so "absent" has a single representation. */
const optional = (value: string | undefined) => (value ? value : null);
const flag = (value: boolean | undefined) => (value ? 1 : 0);

/** Catches the easy integration slip of passing milliseconds or fractions. */
function assertUnixSeconds(timestamp: number) {
  if (!Number.isSafeInteger(timestamp) || Math.abs(timestamp) > 1e11) {
    throw new RangeError(`event timestamp must be whole Unix seconds, got ${timestamp}`);
  }
}

/** The actor as the directory shows them now: null for a login it does not know. */
interface Actor {
  name: string | null;
  avatar: string | null;
}

/** The stored columns of an event, as `ChainedValues` (see event-chain.ts). */
function storedValues(org: string, e: NewAuditEvent, actor: Actor): Array<string | number | null> {
  assertUnixSeconds(e.timestamp);
  return [
    org,
    e.timestamp,
    e.sourceIP,
    e.event,
    e.description,
    e.userLogin,
    optional(e.tokenID),
    optional(e.tokenName),
    optional(e.actorName),
    optional(e.actorUrn),
    flag(e.reqOrgAdmin),
    flag(e.reqStackAdmin),
    flag(e.authFailure),
    actor.name,
    actor.avatar,
  ];
}

/** Prepares the insert and returns `appendEvents(org, events) → count`. */
export function prepareEventWriter(db: Database.Database) {
  const insert = db.prepare(`INSERT INTO events (${CHAINED_COLUMNS}, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const findActor = db.prepare<[string], Actor>(
    'SELECT name, avatar_path AS avatar FROM users WHERE login = ?',
  );
  const heads = prepareChainHeads(db);
  const appendAll = db.transaction((org: string, events: Iterable<NewAuditEvent>) => {
    const head = heads.read(org);
    let hash = head?.hash ?? GENESIS_HASH;
    let lastId = head?.lastId ?? 0;
    let count = 0;
    // A batch names a few dozen users; the directory cannot change within the transaction.
    const actors = new Map<string, Actor>();
    const actorOf = (login: string): Actor => {
      let actor = actors.get(login);
      if (!actor) {
        actor = findActor.get(login) ?? { name: null, avatar: null };
        actors.set(login, actor);
      }
      return actor;
    };
    for (const e of events) {
      const values = storedValues(org, e, actorOf(e.userLogin));
      hash = chainHash(hash, values);
      values.push(hash);
      lastId = Number(insert.run(values).lastInsertRowid);
      count++;
    }
    if (count > 0) heads.write({ org, lastId, hash, count: (head?.count ?? 0) + count });
    return count;
  });
  // IMMEDIATE: the head is read and moved under the write lock, so two writers cannot fork it.
  return (org: string, events: Iterable<NewAuditEvent>): number => appendAll.immediate(org, events);
}
