/**
 * Turns pages of events into the text of an export file. CSV goes only through the shared
 * definition (src/lib/csv/audit-csv.ts), so its bytes equal the server's own export.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { csvHeaderLine, eventsToCsvChunk, UTF8_BOM } from '../../../common/export/audit-csv.ts';
import { writesBom, type ExportOptions } from './export-format.ts';

export interface EventEncoder {
  /** What the file starts with (BOM, header), even when no event matches. */
  preamble: string;
  /** One batch of events; batches concatenate into a valid file in any chunking. */
  encode(events: readonly AuditLogEvent[]): string;
}

/**
 * One JSON object per line, `\n`-terminated, each the event as the API sent it (same keys in the
 * same order; absent fields stay absent): `eventsToJsonLines([e]) === JSON.stringify(e) + '\n'`.
 */
export function eventsToJsonLines(events: readonly AuditLogEvent[]): string {
  let text = '';
  for (const event of events) text += JSON.stringify(event) + '\n';
  return text;
}

/** The encoder for the chosen format: `createEncoder({format: 'csv', excelBom: false}).preamble` is the header. */
export function createEncoder(options: ExportOptions): EventEncoder {
  if (options.format === 'jsonl') return { preamble: '', encode: eventsToJsonLines };
  return {
    preamble: (writesBom(options) ? UTF8_BOM : '') + csvHeaderLine(),
    encode: eventsToCsvChunk,
  };
}
