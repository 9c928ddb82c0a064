/**
 * Collects an export's text into Blob parts. Page strings are held only until a few megabytes
 * have gathered and then handed to the browser's blob store, so the worker never builds one giant
 * string and its heap stays flat however large the file grows.
 */

/** Characters gathered before they become one Blob part. */
export const FLUSH_CHARS = 4 * 1024 * 1024;

export interface BlobAssembler {
  append(text: string): void;
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
    finish() {
      flush();
      const blob = new Blob(parts, { type });
      parts = [];
      return blob;
    },
  };
}

/**
 * The SHA-256 of a Blob as lowercase hex, with Web Crypto (one pass over the finished file):
 * `await sha256Hex(new Blob(['abc']))` starts with `'ba7816bf'`.
 */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
