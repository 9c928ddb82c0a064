/**
 * The one definition of the audit-log CSV, shared by the in-browser export (in a worker) and the
 * embedded service's `/auditlogs/export`, so both produce the same bytes for the same events.
 * Columns and formats follow Pulumi's live export (spec/pulumi/API-NOTES.md).
 */
import Papa from 'papaparse';
import type { AuditLogEvent } from '../pulumi/wire-types.ts';
import { eventDisplayName } from '../pulumi/event-catalog.ts';
import { formatUtcInstant } from '../time/utc-instant.ts';
import { showControlPictures } from './control-pictures.ts';

export const CSV_COLUMNS = [
  'Timestamp',
  'Name',
  'Login',
  'Event',
  'Description',
  'SourceIP',
  'TokenID',
  'TokenName',
  'ActorName',
  'ActorUrn',
  'RequireOrgAdmin',
  'RequireStackAdmin',
  'AuthenticationFailure',
] as const;

export const CSV_LINE_END = '\r\n';

/**
 * The UTF-8 byte order mark, as one UTF-16 code unit. Excel needs it to read a CSV as UTF-8;
 * most other tools do not, so it is opt-in and never written by the server's export.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * Cells a spreadsheet would run as a formula (OWASP CSV injection): a leading `=`, `+`, `-`, `@`,
 * tab, carriage return or line feed. Papaparse's default pattern misses a leading line feed.
 */
export const CSV_FORMULA_PATTERN = /^[=+\-@\t\r\n]/;

const UNPARSE_CONFIG: Papa.UnparseConfig = {
  header: false,
  newline: CSV_LINE_END,
  escapeFormulae: CSV_FORMULA_PATTERN,
  skipEmptyLines: false,
};

/** Unix seconds as RFC 3339 UTC without fractions: `formatCsvTimestamp(0) === '1970-01-01T00:00:00Z'`. */
export const formatCsvTimestamp = formatUtcInstant;

/** One event as the 13 cells of a CSV record, in `CSV_COLUMNS` order. */
export function eventToCsvCells(event: AuditLogEvent): string[] {
  const text = (value: string | undefined) => (value ? showControlPictures(value) : '');
  return [
    formatCsvTimestamp(event.timestamp),
    text(event.user.name),
    text(event.user.githubLogin),
    text(eventDisplayName(event.event)),
    text(event.description),
    text(event.sourceIP),
    text(event.tokenID),
    text(event.tokenName),
    text(event.actorName),
    text(event.actorUrn),
    String(event.reqOrgAdmin ?? false),
    String(event.reqStackAdmin ?? false),
    String(event.authFailure ?? false),
  ];
}

/** The header record, ending in CRLF. */
export function csvHeaderLine(): string {
  return Papa.unparse([[...CSV_COLUMNS]], UNPARSE_CONFIG) + CSV_LINE_END;
}

/**
 * A batch of events as CSV records, each ending in CRLF (empty string for no events), so
 * batches can be concatenated into one file in any chunking.
 */
export function eventsToCsvChunk(events: readonly AuditLogEvent[]): string {
  if (events.length === 0) return '';
  return Papa.unparse(events.map(eventToCsvCells), UNPARSE_CONFIG) + CSV_LINE_END;
}
