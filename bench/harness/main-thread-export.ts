/**
 * Baseline for the benchmark: the naive export, all on the main thread. It fetches every page
 * first, keeps all events, then runs papaparse over them in one go.
 */
import type { AuditLogEvent } from '../../common/pulumi/wire-types.ts';
import type { AuditLogQuery } from '../../src/lib/audit-log-query.ts';
import { csvHeaderLine, eventsToCsvChunk } from '../../common/export/audit-csv.ts';
import { createPageFetcher } from '../../src/lib/pager/fetch-audit-log-page.ts';
import { pageThrough } from '../../src/lib/pager/resumable-pager.ts';

/** Exports `query` on the main thread; resolves with the event count and file size. */
export async function mainThreadExport(
  query: AuditLogQuery,
): Promise<{ events: number; bytes: number }> {
  const events: AuditLogEvent[] = [];
  const signal = new AbortController().signal;
  for await (const page of pageThrough({ fetchPage: createPageFetcher(query), signal })) {
    events.push(...page.events);
  }
  const blob = new Blob([csvHeaderLine(), eventsToCsvChunk(events)], { type: 'text/csv' });
  return { events: events.length, bytes: blob.size };
}
