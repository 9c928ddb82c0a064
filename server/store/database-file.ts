/**
 * The audit database as a file: a new one is built under a temporary name and moved into place
 * only once complete, so a first start killed or out of disk space leaves no half-filled
 * database behind (the next start begins again); and an existing file is opened only if it is
 * a database this server finished. An empty, unreadable or organization-less `audit.db` is
 * refused with a clear message, never replaced: it may be someone's log cut short.
 */
import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { syncFolder } from '../atomic-file.ts';
import { openAuditStore, type AuditStore } from './audit-store.ts';
import { witnessFileOf } from './chain-witness.ts';

/** `audit.db` is there but is no database this server finished writing. */
export class UnusableDatabaseError extends Error {
  constructor(dbFile: string, reason: string) {
    super(
      `${dbFile} is not a complete audit database (${reason}), so it was left as it is. Move it ` +
        'away to start with a fresh demo log, or put back a copy that works.',
    );
    this.name = 'UnusableDatabaseError';
  }
}

const removeDatabase = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal', '.heads'])
    rmSync(`${file}${suffix}`, { force: true });
};

/**
 * Creates `dbFile` and has `fill` write it, under `dbFile.new` until `fill` returns; throws (and
 * leaves no `dbFile`) if `fill` does: `createDatabaseFile('.data/audit.db', (store) => seed(store))`.
 */
export function createDatabaseFile(dbFile: string, fill: (store: AuditStore) => void): void {
  const temporary = `${dbFile}.new`;
  // What a first start that did not finish left behind.
  removeDatabase(temporary);
  const store = openAuditStore(temporary);
  try {
    fill(store);
  } catch (error) {
    store.close();
    removeDatabase(temporary);
    throw error;
  }
  // Closing the last connection folds the write-ahead log into the file and deletes it;
  // a log still there would hold committed pages the moved file would not have.
  store.close();
  try {
    if (existsSync(`${temporary}-wal`)) {
      throw new Error(`${temporary}-wal was not folded into the new database`);
    }
    // A link never replaces: if another instance finished first, its database is kept.
    linkSync(temporary, dbFile);
    renameSync(witnessFileOf(temporary), witnessFileOf(dbFile));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    removeDatabase(temporary);
  }
  syncFolder(path.dirname(dbFile));
}

const isDamage = (error: unknown) =>
  /^SQLITE_(NOTADB|CORRUPT)/.test((error as { code?: unknown }).code?.toString() ?? '');

/** Opens an existing `dbFile`, or throws `UnusableDatabaseError`: `openExistingStore(file)`. */
export function openExistingStore(dbFile: string): AuditStore {
  if (statSync(dbFile).size === 0) throw new UnusableDatabaseError(dbFile, 'it is empty, 0 bytes');
  let store: AuditStore;
  try {
    store = openAuditStore(dbFile);
  } catch (error) {
    if (!isDamage(error)) throw error;
    throw new UnusableDatabaseError(dbFile, `SQLite cannot read it: ${(error as Error).message}`);
  }
  if (store.listOrganizations().length === 0) {
    store.close();
    throw new UnusableDatabaseError(dbFile, 'it holds no organizations');
  }
  return store;
}
