/**
 * Collects an export's bytes into Blob parts. Bytes are held only until a few megabytes have
 * gathered and then handed to the browser's blob store, so the worker's memory stays flat however
 * large the file grows. Text is encoded to UTF-8 once, before it gets here (file-sink.ts), so
 * the same bytes are hashed and stored: a Blob made of strings would encode them again.
 */

/** Bytes gathered before they become one Blob part. */
export const FLUSH_BYTES = 4 * 1024 * 1024;

/** A piece of the file: bytes in the worker, or a part already in the blob store. */
export type FilePart = Uint8Array | Blob;

export interface BlobAssembler {
  append(bytes: Uint8Array): void;
  /** A part already in the blob store, placed after everything appended so far. */
  appendBlob(blob: Blob): void;
  /** Everything appended so far, as one Blob; the assembler goes on. */
  sofar(): Blob;
  /** The whole file; the assembler is empty afterwards. */
  finish(): Blob;
}

/** An assembler producing a Blob of `type`: `createBlobAssembler('text/csv').finish().size === 0`. */
export function createBlobAssembler(type: string, flushBytes = FLUSH_BYTES): BlobAssembler {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let parts: Blob[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  return {
    append(bytes) {
      if (bytes.length === 0) return;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= flushBytes) flush();
    },
    appendBlob(blob) {
      flush();
      parts.push(blob);
    },
    sofar() {
      flush();
      return new Blob(parts, { type });
    },
    finish() {
      flush();
      const blob = new Blob(parts, { type });
      parts = [];
      return blob;
    },
  };
}
