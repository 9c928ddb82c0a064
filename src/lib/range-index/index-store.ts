/**
 * Where range indexes are kept between visits: IndexedDB, one record per organization, in the
 * page and in the index worker alike. Every operation opens the database and closes it again,
 * so forgetting everything at sign-out (`deleteDatabase`) is never blocked by an open index.
 * Without IndexedDB (a private window that refuses it, tests) nothing is kept.
 */
import type { StoredIndex } from './stored-index.ts';

const DATABASE = 'audit-log-console';
const STORE = 'range-indexes';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  const open = indexedDB.open(DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await request(open);
  try {
    return await request(work(db.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    db.close();
  }
}

/** The organization's kept index, if any. */
export async function loadStoredIndex(org: string): Promise<StoredIndex | undefined> {
  return (await withStore<StoredIndex | undefined>('readonly', (s) => s.get(org))) ?? undefined;
}

export async function saveStoredIndex(record: StoredIndex): Promise<void> {
  await withStore('readwrite', (s) => s.put(record, record.org));
}

export async function forgetStoredIndex(org: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(org));
}

/** Forgets every kept index (sign-out): the audit log does not stay behind in this browser. */
export async function forgetAllStoredIndexes(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await request(indexedDB.deleteDatabase(DATABASE) as IDBRequest<unknown>);
}

/** Bytes a record's columns and values take, about what IndexedDB holds for it. */
export function storedIndexBytes(record: StoredIndex): number {
  const columns =
    record.times.byteLength +
    record.flags.byteLength +
    Object.values(record.ids).reduce((sum, ids) => sum + ids.byteLength, 0);
  const text = (values: unknown[]) => JSON.stringify(values).length;
  return (
    columns +
    text(record.users) +
    text(record.events) +
    text(record.descriptions) +
    text(record.ips) +
    text(record.tokens) +
    text(record.actors) +
    text(record.shapes) +
    text(record.kept)
  );
}
