/**
 * One export run, free of any worker plumbing so it can be tested directly: read the view's
 * range in concurrent windows, encode each window's events as they arrive, write the parts in
 * file order while hashing them. On a failure the reader gives up on, the events written so far
 * (the newest, in order) become a partial file.
 */
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import type { AuditLogQuery } from '../../lib/audit-log-query.ts';
import { viewRange } from '../../lib/range-reader/fetch-window-page.ts';
import {
  readRange,
  type RangeProgress,
  type RangeReaderOptions,
} from '../../lib/range-reader/range-reader.ts';
import { eventBatchSpool, type SpoolFactory } from '../../lib/range-reader/window-spool.ts';
import { matchRows } from '../../lib/range-index/match-rows.ts';
import type { IndexBatch } from '../../lib/range-index/index-stream.ts';
import { RangeIndex } from '../../lib/range-index/range-index.ts';
import { parseSearchQuery } from '../../lib/search-query/parse-search-query.ts';
import { PagerError } from '../../../common/pulumi/retrying-fetcher.ts';
import { requestEncoder } from './encode-events.ts';
import { exportFileName } from './export-file-name.ts';
import { EXPORT_FORMATS } from './export-format.ts';
import { exportSpool, type EncodedEvents } from './export-spool.ts';
import type {
  ExportFile,
  ExportOutcome,
  ExportProgress,
  ExportRequest,
  ExportSearch,
  RetryState,
} from './export-types.ts';
import { failureMessage } from './failure-message.ts';
import type { PreparedStore } from './prepared-store.ts';
import { createFileSink, encodeText, type BlobReader, type FileSink } from './file-sink.ts';

export interface ExportDeps extends Pick<
  RangeReaderOptions<EncodedEvents>,
  'fetchPage' | 'signal' | 'sleep' | 'random' | 'maxRetries' | 'concurrency'
> {
  onProgress: (progress: ExportProgress) => void;
  /**
   * The view's events as the console's own range index serves them (index-stream.ts), search
   * applied: set when the index holds the whole view, so nothing is asked of the API.
   */
  indexed?: AsyncIterable<IndexBatch>;
  /** What was encoded ahead while the read `indexed` comes from went on (prepared-store.ts). */
  prepared?: PreparedStore;
  readBlob?: BlobReader;
  now?: () => number;
}

async function buildFile(
  request: ExportRequest,
  sink: FileSink,
  events: number,
  partial: boolean,
  times: { startedAt: number; finishedAt: number },
): Promise<ExportFile> {
  const { blob, sha256 } = await sink.finish();
  return {
    blob,
    fileName: exportFileName(request.query, request.options.format, partial, request.timeZone),
    request,
    events,
    bytes: blob.size,
    sha256,
    partial,
    ...times,
  };
}

/**
 * Exports the request's view; resolves with the file or the failure (with any partial file),
 * and rejects only with the abort reason when `deps.signal` aborts.
 */
export async function runExport(request: ExportRequest, deps: ExportDeps): Promise<ExportOutcome> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const encoder = requestEncoder(request);
  const sink = createFileSink(EXPORT_FORMATS[request.options.format].mimeType, {
    read: deps.readBlob,
  });
  await sink.write(encodeText(encoder.preamble));
  let progress: ExportProgress = { events: 0, pages: 0 };
  const range = viewRange(request.query, startedAt);
  const reader = {
    ...deps,
    range,
    onProgress: (p: RangeProgress) => {
      const { events, requests: pages, inFlight } = p;
      progress =
        range.from === 0
          ? { events, pages, inFlight, readBackTo: p.readBackTo }
          : { events, pages, inFlight, covered: p.covered };
      deps.onProgress(progress);
    },
    onRetry: ({ kind, attempt, delayMs }: RetryState) =>
      deps.onProgress({ ...progress, retry: { kind, attempt, delayMs } }),
  };
  let written = 0;
  const write = async (chunk: EncodedEvents) => {
    for (const part of chunk.parts) await sink.write(part);
    written += chunk.events;
  };
  const finished = () => ({ startedAt, finishedAt: now() });
  const search = request.search;
  try {
    if (deps.indexed) {
      const spool = exportSpool(encoder);
      for await (const { prepared = [], events, total } of deps.indexed) {
        for (const id of prepared) {
          const chunks = deps.prepared?.take(id);
          if (!chunks)
            throw new Error('A batch read for this file went missing; press DOWNLOAD again.');
          for (const chunk of chunks) await write(chunk);
        }
        await writeEvents(events, spool, write);
        const covered = total > 0 ? written / total : 1;
        deps.onProgress({ events: written, pages: 0, covered });
      }
    } else if (search) {
      const index = new RangeIndex();
      try {
        for await (const batch of readRange({ ...reader, spool: eventBatchSpool })) {
          index.addOlder(batch);
        }
      } finally {
        // What was read is written even when reading failed: its newest matches, in order.
        await writeMatches(index, search, reader.range, exportSpool(encoder), write);
      }
    } else {
      for await (const chunk of readRange({ ...reader, spool: exportSpool(encoder) })) {
        await write(chunk);
      }
    }
  } catch (error) {
    if (!(error instanceof PagerError)) throw error;
    return {
      status: 'failed',
      kind: error.kind,
      message: failureMessage(error.kind, error.message),
      partial: written > 0 ? await buildFile(request, sink, written, true, finished()) : undefined,
    };
  }
  return { status: 'complete', file: await buildFile(request, sink, written, false, finished()) };
}

/**
 * What the reader asks the API: the view's query, or for a search its whole range, since the
 * index evaluates every term (markers like `first-ip:` need the range's other events too).
 */
export function readQueryOf({ query, search }: ExportRequest): AuditLogQuery {
  if (!search) return query;
  return { org: query.org, startTime: query.startTime, endTime: query.endTime };
}

/** Rows encoded per write of a search's matches. */
const MATCHES_PER_WRITE = 5000;

/** Writes the index's matches of `search` within `range`, newest first, as the table lists them. */
async function writeMatches(
  index: RangeIndex,
  search: ExportSearch,
  range: { from: number; to: number },
  spool: SpoolFactory<EncodedEvents>,
  write: (chunk: EncodedEvents) => Promise<void>,
) {
  const { query } = parseSearchQuery(search.q);
  const filter = parseSearchQuery(search.filter).query;
  const rows = matchRows(index, query, range, filter);
  for (let start = 0; start < rows.length; start += MATCHES_PER_WRITE) {
    const end = Math.min(rows.length, start + MATCHES_PER_WRITE);
    const events = [];
    for (let i = start; i < end; i++) events.push(index.event(rows[i] as number));
    await writeEvents(events, spool, write);
  }
}

/** Encodes one batch of events, in order, and writes it. */
async function writeEvents(
  events: AuditLogEvent[],
  spool: SpoolFactory<EncodedEvents>,
  write: (chunk: EncodedEvents) => Promise<void>,
) {
  const held = spool();
  held.push(events);
  for (const chunk of held.take()) await write(chunk);
}
