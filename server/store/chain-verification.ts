/**
 * Walks every event in id order, recomputing each organization's chain, and reports the first
 * broken link (`npm run verify`, and every start of the server).
 */
import type Database from 'better-sqlite3';
import { hasActorColumns } from './chain-marker.ts';
import {
  CHAINED_COLUMNS,
  CHAINED_COLUMNS_WITHOUT_ACTOR,
  chainHash,
  GENESIS_HASH,
  prepareChainHeads,
  type ChainHead,
} from './event-chain.ts';

export type ChainReport =
  | { ok: true; events: number; heads: ChainHead[] }
  | { ok: false; org?: string; id?: number; problem: string };

type ChainRow = [id: number, ...values: Array<string | number | null>];

function compareHeads(seen: Map<string, ChainHead>, stored: ChainHead[]): ChainReport | undefined {
  for (const head of stored) {
    const last = seen.get(head.org);
    if (!last) {
      return { ok: false, org: head.org, problem: `all ${head.count} events are missing` };
    }
    if (last.lastId !== head.lastId || last.hash !== head.hash || last.count !== head.count) {
      const problem = `the chain ends at event ${last.lastId} (${last.count} events) but was last written at event ${head.lastId} (${head.count} events): events were removed from its end`;
      return { ok: false, org: head.org, id: last.lastId, problem };
    }
  }
  for (const org of seen.keys()) {
    if (!stored.some((head) => head.org === org)) {
      return { ok: false, org, problem: 'events exist that the service never wrote' };
    }
  }
  return undefined;
}

/**
 * Recomputes every chain: `verifyEventChains(db).ok`. A database whose events have no actor
 * columns yet (from before the chain covered actors, not started since) is checked as the chain
 * was then; `prepareSchema` refuses such columns removed from a database that had them.
 */
export function verifyEventChains(db: Database.Database): ChainReport {
  const columns = hasActorColumns(db) ? CHAINED_COLUMNS : CHAINED_COLUMNS_WITHOUT_ACTOR;
  const rows = db
    .prepare<[], ChainRow>(`SELECT id, ${columns}, hash FROM events ORDER BY id`)
    .raw();
  const seen = new Map<string, ChainHead>();
  let events = 0;
  for (const row of rows.iterate()) {
    const [id, ...rest] = row;
    const stored = rest.pop();
    const org = String(rest[0]);
    const previous = seen.get(org);
    const expected = chainHash(previous?.hash ?? GENESIS_HASH, rest);
    if (stored !== expected) {
      const problem =
        stored === null
          ? 'the event has no hash'
          : 'the event does not match its hash: it was changed, or an event before it was removed';
      return { ok: false, org, id, problem };
    }
    seen.set(org, { org, lastId: id, hash: expected, count: (previous?.count ?? 0) + 1 });
    events++;
  }
  const heads = prepareChainHeads(db).all();
  return compareHeads(seen, heads) ?? { ok: true, events, heads };
}

/** One line for a report: `describeChainReport(report)`. */
export function describeChainReport(report: ChainReport): string {
  if (report.ok) return `event chain intact: ${report.events} events`;
  const where = [report.org && `organization ${report.org}`, report.id && `event ${report.id}`]
    .filter(Boolean)
    .join(', ');
  return `event chain broken at ${where || 'the database'}: ${report.problem}`;
}
