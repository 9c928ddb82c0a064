/**
 * The export's window spool: each window's events are encoded at once and wait as text, then
 * as Blob parts in the blob store (never as one string), until every newer window is written.
 */
import type { SpoolFactory } from '../../lib/range-reader/window-spool.ts';
import { createBlobAssembler, type FilePart } from './blob-assembler.ts';
import type { EventEncoder } from './encode-events.ts';

/** Encoded events ready to be written, and how many events they hold. */
export interface EncodedEvents {
  parts: FilePart[];
  events: number;
}

/** Spools encoding with `encoder`: `exportSpool(encoder)().take()` is `[]`. */
export function exportSpool(encoder: EventEncoder): SpoolFactory<EncodedEvents> {
  return () => {
    const held = createBlobAssembler('');
    let events = 0;
    return {
      push(batch) {
        held.append(encoder.encode(batch));
        events += batch.length;
      },
      take() {
        const parts = held.takeParts();
        const taken = parts.length > 0 || events > 0 ? [{ parts, events }] : [];
        events = 0;
        return taken;
      },
    };
  };
}
