/**
 * The export's window spool: each window's events are encoded to UTF-8 at once and wait as
 * bytes until every newer window is written. The windows of one export share a memory budget;
 * a window that would exceed it moves its bytes into the blob store as one Blob part (read back
 * for the hash when written), so memory stays bounded however many windows wait, and nothing
 * ever waits as one string.
 */
import type { SpoolFactory } from '../../lib/range-reader/window-spool.ts';
import type { FilePart } from './blob-assembler.ts';
import type { EventEncoder } from './encode-events.ts';
import { encodeText } from './file-sink.ts';

/** Encoded events ready to be written, and how many events they hold. */
export interface EncodedEvents {
  parts: FilePart[];
  events: number;
}

/** Bytes the waiting windows of one export may hold in the worker before they go to Blobs. */
export const SPOOL_MEMORY_BYTES = 64 * 1024 * 1024;

/** Spools encoding with `encoder`: `exportSpool(encoder)().take()` is `[]`. */
export function exportSpool(
  encoder: EventEncoder,
  memoryBytes = SPOOL_MEMORY_BYTES,
): SpoolFactory<EncodedEvents> {
  let held = 0;
  return () => {
    let parts: FilePart[] = [];
    let bytes: Uint8Array[] = [];
    let ownBytes = 0;
    let events = 0;
    const release = () => {
      held -= ownBytes;
      ownBytes = 0;
      bytes = [];
    };
    return {
      push(batch) {
        if (batch.length === 0) return;
        const encoded = encodeText(encoder.encode(batch));
        bytes.push(encoded);
        ownBytes += encoded.length;
        held += encoded.length;
        events += batch.length;
        if (held > memoryBytes) {
          parts.push(new Blob(bytes as BlobPart[]));
          release();
        }
      },
      take() {
        const taken =
          parts.length > 0 || bytes.length > 0 ? [{ parts: [...parts, ...bytes], events }] : [];
        parts = [];
        release();
        events = 0;
        return taken;
      },
    };
  };
}
