/**
 * One delivered hour: the object's key and its body, gzip JSON Lines of the V2 event objects
 * (the same `toAuditLogEvent` the API answers with), oldest first so the newest is last.
 *
 * Key: `{prefix}/{org}/{YYYY}/{MM}/{DD}/{HH}.jsonl.gz` in UTC, so a name says which hour it
 * holds, writing it again replaces it (idempotent), and a listing sorts by time.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { toAuditLogEvent } from '../api/event-json.ts';
import { eventBatches } from '../export/export-stream.ts';
import type { AuditStore, StoredEvent } from '../store/audit-store.ts';
import { HOUR } from '../store/export-queries.ts';

const gzipAsync = promisify(gzip);
const two = (n: number) => String(n).padStart(2, '0');

/** `hourObjectKey('logs', 'acme', 1767229200)` → `logs/acme/2026/01/01/01.jsonl.gz`. */
export function hourObjectKey(prefix: string, org: string, hour: number): string {
  const d = new Date(hour * 1000);
  const path = `${org}/${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCHours())}.jsonl.gz`;
  return prefix ? `${prefix}/${path}` : path;
}

/** The start of the hour holding `seconds`: `hourStart(7201) === 7200`. */
export const hourStart = (seconds: number) => seconds - (((seconds % HOUR) + HOUR) % HOUR);

/** The hour's events as JSON Lines, oldest first; `origin` makes avatar paths absolute. */
export async function hourLines(
  store: AuditStore,
  org: string,
  hour: number,
  origin: string,
): Promise<string> {
  const readPage = (before: { timestamp: number; id: number }, limit: number) =>
    store.listEvents({ org, fromTimestamp: hour, before, limit });
  const batches: string[] = [];
  // Pages come newest first; each is turned around and they are joined in reverse.
  const lines = (rows: StoredEvent[]) =>
    rows
      .reverse()
      .map((row) => `${JSON.stringify(toAuditLogEvent(row, origin))}\n`)
      .join('');
  for await (const text of eventBatches(readPage, { timestamp: hour + HOUR, id: 0 }, lines)) {
    batches.push(text);
  }
  return batches.reverse().join('');
}

/** The gzip body of one hour's object. */
export async function hourObjectBody(
  store: AuditStore,
  org: string,
  hour: number,
  origin: string,
): Promise<Buffer> {
  return gzipAsync(await hourLines(store, org, hour, origin));
}
