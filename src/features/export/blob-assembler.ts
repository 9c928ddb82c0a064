/**
 * Collects an export's text into Blob parts. Strings are held only until a few megabytes have
 * gathered and then handed to the browser's blob store, so the worker never builds one giant
 * string and its heap stays flat however large the file grows. The same assembler holds a
 * window's text while it waits for the newer windows to be written (see export-spool.ts).
 */

/** Characters gathered before they become one Blob part. */
export const FLUSH_CHARS = 4 * 1024 * 1024;

export type FilePart = string | Blob;

export interface BlobAssembler {
  append(text: string): void;
  /** A part already in the blob store, placed after everything appended so far. */
  appendBlob(blob: Blob): void;
  /** Everything held, in order (Blob parts, then the strings not yet flushed); empty afterwards. */
  takeParts(): FilePart[];
  /** The whole file; the assembler is empty afterwards. */
  finish(): Blob;
}

/** An assembler producing a Blob of `type`: `createBlobAssembler('text/csv').finish().size === 0`. */
export function createBlobAssembler(type: string, flushChars = FLUSH_CHARS): BlobAssembler {
  let pending: string[] = [];
  let pendingChars = 0;
  let parts: Blob[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingChars = 0;
  };
  return {
    append(text) {
      if (!text) return;
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= flushChars) flush();
    },
    appendBlob(blob) {
      flush();
      parts.push(blob);
    },
    takeParts() {
      const taken: FilePart[] = [...parts, ...pending];
      parts = [];
      pending = [];
      pendingChars = 0;
      return taken;
    },
    finish() {
      flush();
      const blob = new Blob(parts, { type });
      parts = [];
      return blob;
    },
  };
}
