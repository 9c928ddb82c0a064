/**
 * The chain's heads kept outside the database, in `audit.db.heads` beside it (written whole or
 * not at all, after every append, once after a bulk load). Someone who edits the database and makes it look as if it
 * had never been chained (heads table, `hash` column and `user_version` all gone), or re-chains
 * it from an earlier event on, now also has to rewrite this file; without it both are caught at
 * start and by `npm run verify`. The file may lag the database (a crash between the commit and
 * the write, or a write that failed, which is logged and never fails the append that committed),
 * so each head it holds must be a link of the chain, not necessarily the last.
 */
import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { writeFileAtomically } from '../atomic-file.ts';
import type { ChainReport } from './chain-verification.ts';
import type { ChainHead } from './event-chain.ts';

export const witnessFileOf = (dbFile: string) => `${dbFile}.heads`;

export function writeChainWitness(dbFile: string, heads: ChainHead[]): void {
  writeFileAtomically(witnessFileOf(dbFile), `${JSON.stringify({ heads })}\n`, {
    mode: 0o600,
    replace: true,
  });
}

/** The heads kept beside `dbFile`, or undefined when there is no such file. */
export function readChainWitness(dbFile: string): ChainHead[] | undefined {
  const file = witnessFileOf(dbFile);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { heads?: unknown };
  if (!Array.isArray(parsed.heads)) throw new Error(`${file} holds no chain heads`);
  return parsed.heads as ChainHead[];
}

/** The first kept head the database's chain does not hold, as a problem to report. */
export function findMissingHead(
  db: Database.Database,
  witness: ChainHead[],
): { org: string; id: number; problem: string } | undefined {
  const link = db.prepare<[number, string], { hash: string | null }>(
    'SELECT hash FROM events WHERE id = ? AND org = ?',
  );
  const position = db.prepare<[string, number], { n: number }>(
    'SELECT count(*) AS n FROM events WHERE org = ? AND id <= ?',
  );
  for (const head of witness) {
    const held = link.get(head.lastId, head.org);
    if (held?.hash !== head.hash || position.get(head.org, head.lastId)?.n !== head.count) {
      return {
        org: head.org,
        id: head.lastId,
        problem: `the chain no longer holds the head kept beside the database (event ${head.lastId}, ${head.count} events, ${head.hash}): it was rewritten`,
      };
    }
  }
  return undefined;
}

/** `report`, or a broken one when it holds but misses a head kept beside the database. */
export function checkWitness(
  db: Database.Database,
  report: ChainReport,
  witness: ChainHead[] | undefined,
): ChainReport {
  const missing = report.ok && witness ? findMissingHead(db, witness) : undefined;
  return missing ? { ok: false, ...missing } : report;
}
