/**
 * Files that appear whole or not at all: written under a temporary name in the same folder,
 * flushed to disk, then moved into place. A crash or a full disk leaves no empty or cut secret
 * behind, only a temporary file the next write does not trip over.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Flushes a folder, so that a rename into it survives a power cut. */
export function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeTemporary(file: string, text: string, mode: number): string {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const fd = openSync(temporary, 'wx', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  return temporary;
}

/**
 * Writes `text` to `file` whole, replacing it if `replace`, else failing with `EEXIST` when it
 * exists (another process won a race to create it):
 * `writeFileAtomically('.data/server-secret', hex, { mode: 0o600, replace: false })`.
 */
export function writeFileAtomically(
  file: string,
  text: string,
  { mode, replace }: { mode: number; replace: boolean },
): void {
  const temporary = writeTemporary(file, text, mode);
  try {
    // A hard link never replaces an existing file, as the `wx` flag it stands in for.
    if (replace) renameSync(temporary, file);
    else linkSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  syncFolder(path.dirname(file));
}
