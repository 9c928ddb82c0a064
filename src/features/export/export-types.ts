/** What an export run reports and produces; shared by the worker, the hook and the panels. */
import type { AuditLogQuery } from '../../lib/audit-log-query.ts';
import type { FailureKind } from '../../lib/retry-policy.ts';
import type { ExportOptions } from './export-format.ts';

/** A search only the range index answers: the export reads the range unfiltered and keeps these. */
export interface ExportSearch {
  /** The `q=` terms, as the index reads them. */
  q: string;
  /** Terms every exported event must also meet (the view's `user=` and `event=`). */
  filter: string;
}

export interface ExportRequest {
  query: AuditLogQuery;
  /** Set when the view is a search: then only its matches are written, in the table's order. */
  search?: ExportSearch;
  options: ExportOptions;
  /** The host CEF lines name as theirs (`dvchost`): the console's host as the browser reaches it. */
  host?: string;
  /** The zone the view shows times in (an IANA name, or undefined for local time), for the file name. */
  timeZone?: string;
}

export interface RetryState {
  kind: FailureKind;
  attempt: number;
  delayMs: number;
}

export interface ExportProgress {
  events: number;
  /** Requests sent so far. */
  pages: number;
  /** Share of the view's time range read, 0 to 1; none for a view from the beginning of time. */
  covered?: number;
  /**
   * For a view from the beginning of time, how far back it has been read whole (every event
   * newer than this second): the share of the seconds since 1970 says nothing of how far a read
   * of a log begun last year has come.
   */
  readBackTo?: number;
  /** Requests in flight now. */
  inFlight?: number;
  /** Set while the run waits to retry a page; cleared by the next page. */
  retry?: RetryState;
}

/** A finished file and the facts its receipt shows. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
  request: ExportRequest;
  events: number;
  bytes: number;
  sha256: string;
  partial: boolean;
  /** Epoch milliseconds. */
  startedAt: number;
  finishedAt: number;
}

export interface ExportFailure {
  kind: FailureKind;
  message: string;
  /** What was read before the failure, when anything was. */
  partial?: ExportFile;
}

export type ExportOutcome =
  { status: 'complete'; file: ExportFile } | ({ status: 'failed' } & ExportFailure);
