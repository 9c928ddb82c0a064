/**
 * Turns pages of events into the text of an export file. CSV goes only through the shared
 * definition (common/export/audit-csv.ts), and CEF through common/export/cef.ts, so their bytes
 * equal the server's own export.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { csvHeaderLine, eventsToCsvChunk, UTF8_BOM } from '../../../common/export/audit-csv.ts';
import { eventToCefLine } from '../../../common/export/cef.ts';
import { writesBom, type ExportOptions } from './export-format.ts';
import type { ExportRequest } from './export-types.ts';

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

/** Who a CEF line names: the organization and the host that reports it (`dvchost`). */
export interface CefContext {
  org: string;
  host: string;
}

/** One CEF line per event, `\n`-terminated, from the one definition the server uses too. */
export function eventsToCefLines(events: readonly AuditLogEvent[], context: CefContext): string {
  let text = '';
  for (const event of events) text += eventToCefLine(event, context) + '\n';
  return text;
}

/**
 * The encoder for the chosen format:
 * `createEncoder({format: 'csv', excelBom: false}, cef).preamble` is the header.
 */
export function createEncoder(options: ExportOptions, cef: CefContext): EventEncoder {
  if (options.format === 'jsonl') return { preamble: '', encode: eventsToJsonLines };
  if (options.format === 'cef') {
    return { preamble: '', encode: (events) => eventsToCefLines(events, cef) };
  }
  return {
    preamble: (writesBom(options) ? UTF8_BOM : '') + csvHeaderLine(),
    encode: eventsToCsvChunk,
  };
}

/** The encoder of an export's file; whatever encodes ahead for it uses the same. */
export function requestEncoder(request: ExportRequest): EventEncoder {
  return createEncoder(request.options, {
    org: request.query.org,
    host: request.host ?? 'localhost',
  });
}
