/**
 * The audit-log store: the only module that speaks SQL (with its siblings). Opened once per
 * process on `$DATA_DIR/audit.db` in WAL mode so readers never wait for the writer.
 */
import Database from 'better-sqlite3';
import { logLine, type LogLine } from '../log-line.ts';
import type { OrganizationRole } from '../../common/pulumi/wire-types.ts';
import {
  prepareDirectoryStatements,
  type Organization,
  type StoredToken,
  type StoredUser,
} from './directory-queries.ts';
import { prepareEventFeed } from './event-feed.ts';
import { prepareEventPageReader, type EventPageQuery, type StoredEvent } from './event-queries.ts';
import { prepareEventWriter, type NewAuditEvent } from './event-writer.ts';
import { prepareSessionStatements } from './session-queries.ts';
import { prepareExportStatements, type ExportStateStore } from './export-queries.ts';
import { prepareExportSchema } from './export-schema.ts';
import { verifyEventChains, type ChainReport } from './chain-verification.ts';
import { configureConnection, prepareSchema, type SchemaFindings } from './prepare-schema.ts';
import { prepareChainHeads } from './event-chain.ts';
import { checkWitness, readChainWitness, writeChainWitness } from './chain-witness.ts';

export type { NewAuditEvent } from './event-writer.ts';
export type { ChainReport } from './chain-verification.ts';
export type * from './export-queries.ts';
export type { EventCursor, EventPageQuery, StoredEvent } from './event-queries.ts';
export type { Organization, StoredToken, StoredUser, Membership } from './directory-queries.ts';
export type { OrganizationRole };

/** The store also keeps automated export's state (decision note 019). */
export interface AuditStore extends ExportStateStore {
  upsertOrganization(org: Organization): void;
  /** `avatarPath` is a path on this server (`/avatars/kim.svg`) or an absolute https URL. */
  upsertUser(user: StoredUser): void;
  setMembership(org: string, login: string, role: OrganizationRole): void;
  /** `hash` is the SHA-256 hex of the plain token (see server/auth/hash-token.ts). */
  setToken(token: StoredToken): void;
  /** Appends in one transaction and returns how many events were written. */
  appendEvents(org: string, events: Iterable<NewAuditEvent>): number;
  countEvents(org?: string): number;
  findToken(hash: string): StoredToken | undefined;
  /** Points the token `(login, name)` at a new hash; returns whether such a token existed. */
  replaceTokenHash(login: string, name: string, hash: string): boolean;
  findUser(login: string): StoredUser | undefined;
  findOrganization(name: string): Organization | undefined;
  listOrganizations(): Organization[];
  findRole(org: string, login: string): OrganizationRole | undefined;
  listMemberships(login: string): Array<{ org: Organization; role: OrganizationRole }>;
  readSetting(key: string): string | undefined;
  writeSetting(key: string, value: string): void;
  /** Refuses the session `id` until `expiresAt` (ms); times are milliseconds since the epoch. */
  revokeSession(id: string, expiresAt: number, now: number): void;
  isSessionRevoked(id: string, now: number): boolean;
  /** One page of events, newest first, strictly before `query.before`. */
  listEvents(query: EventPageQuery): StoredEvent[];
  /** Up to `limit` events of `org` written after event `afterId`, in the order written. */
  eventsAfter(org: string, afterId: number, limit: number): StoredEvent[];
  /** The id of the last event written (0 for none). */
  lastEventId(): number;
  /**
   * Runs `work` (typically many appendEvents calls) with this connection's durability relaxed:
   * `synchronous = OFF`, so checkpoints do not wait for fsync. A process crash still loses
   * nothing committed; an OS crash or power loss during `work` may corrupt the database. For the
   * bulk seeder only, never the server: `store.bulkLoad(() => appendInBatches(store, ...))`.
   */
  bulkLoad<T>(work: () => T): T;
  /** What opening found: events chained for the first time, append-only triggers dropped. */
  readonly findings: SchemaFindings;
  /**
   * Recomputes every organization's hash chain (reads every event) and checks that it holds the
   * heads kept beside the database (chain-witness.ts).
   */
  verifyChains(): ChainReport;
  close(): void;
}

export interface AuditStoreOptions {
  /** Where a failed write of the heads kept beside the database is told; default: stderr. */
  log?: LogLine;
}

const logToStderr: LogLine = (line) => console.warn(line);

/** Opens (creating if needed) the audit database: `openAuditStore('.data/audit.db')`. */
export function openAuditStore(dbFile: string, options: AuditStoreOptions = {}): AuditStore {
  const { log = logToStderr } = options;
  const db = new Database(dbFile);
  configureConnection(db);
  let findings: SchemaFindings;
  const witnessed = readChainWitness(dbFile) !== undefined;
  try {
    findings = prepareSchema(db, { witnessed });
  } catch (error) {
    db.close();
    throw error;
  }
  const heads = prepareChainHeads(db);
  // A database from before the kept heads adopts them now; an upgraded chain replaces them.
  if (!witnessed || findings.chainedExisting > 0) writeChainWitness(dbFile, heads.all());
  /**
   * After a commit, the kept heads follow; a failed write (a full disk) must not make the append
   * that committed look failed, or a caller that retries would write its events twice. The file
   * then lags the database, which verifying allows (chain-witness.ts); the next append catches up.
   */
  const keepHeads = () => {
    try {
      writeChainWitness(dbFile, heads.all());
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'error';
      log(logLine`audit log: could not write the chain heads kept beside ${dbFile}: ${reason}`);
    }
  };
  // Inside bulkLoad the heads are written once, after the work, not after every batch.
  let bulk = false;
  prepareExportSchema(db);
  const directory = prepareDirectoryStatements(db);
  const sessions = prepareSessionStatements(db);
  const appendEvents = prepareEventWriter(db);
  const listEvents = prepareEventPageReader(db);
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');
  const countOrg = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM events INDEXED BY events_by_time WHERE org = ?',
  );
  return {
    ...directory,
    ...sessions,
    ...prepareExportStatements(db),
    appendEvents: (org, events) => {
      const count = appendEvents(org, events);
      if (count > 0 && !bulk) keepHeads();
      return count;
    },
    listEvents,
    ...prepareEventFeed(db),
    countEvents: (org) => (org === undefined ? countAll.get() : countOrg.get(org))?.n ?? 0,
    bulkLoad: (work) => {
      const previous = db.pragma('synchronous', { simple: true }) as number;
      db.pragma('synchronous = OFF');
      bulk = true;
      try {
        return work();
      } finally {
        bulk = false;
        db.pragma(`synchronous = ${previous}`);
        keepHeads();
      }
    },
    findings,
    verifyChains: () => {
      return checkWitness(db, verifyEventChains(db), readChainWitness(dbFile));
    },
    close: () => db.close(),
  };
}
