/**
 * One export run, free of any worker plumbing so it can be tested directly: read the view's
 * range in concurrent windows, encode each window's events as they arrive, write the parts in
 * file order while hashing them. On a failure the reader gives up on, the events written so far
 * (the newest, in order) become a partial file.
 */
import { viewRange } from '../../lib/range-reader/fetch-window-page.ts';
import { readRange, type RangeReaderOptions } from '../../lib/range-reader/range-reader.ts';
import { PagerError } from '../../lib/pager/resumable-pager.ts';
import { createEncoder } from './encode-events.ts';
import { exportFileName } from './export-file-name.ts';
import { EXPORT_FORMATS } from './export-format.ts';
import { exportSpool, type EncodedEvents } from './export-spool.ts';
import type { ExportFile, ExportOutcome, ExportProgress, ExportRequest } from './export-types.ts';
import { failureMessage } from './failure-message.ts';
import { createFileSink, type BlobReader, type FileSink } from './file-sink.ts';

export interface ExportDeps extends Pick<
  RangeReaderOptions<EncodedEvents>,
  'fetchPage' | 'signal' | 'sleep' | 'random' | 'maxRetries' | 'concurrency'
> {
  onProgress: (progress: ExportProgress) => void;
  readBlob?: BlobReader;
  now?: () => number;
}

function buildFile(
  request: ExportRequest,
  sink: FileSink,
  events: number,
  partial: boolean,
  times: { startedAt: number; finishedAt: number },
): ExportFile {
  const { blob, sha256 } = sink.finish();
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
  const encoder = createEncoder(request.options);
  const sink = createFileSink(EXPORT_FORMATS[request.options.format].mimeType, deps.readBlob);
  await sink.write(encoder.preamble);
  let progress: ExportProgress = { events: 0, pages: 0 };
  const chunks = readRange({
    ...deps,
    range: viewRange(request.query, startedAt),
    spool: exportSpool(encoder),
    onProgress: (p) => {
      progress = { events: p.events, pages: p.requests, covered: p.covered, inFlight: p.inFlight };
      deps.onProgress(progress);
    },
    onRetry: ({ kind, attempt, delayMs }) =>
      deps.onProgress({ ...progress, retry: { kind, attempt, delayMs } }),
  });
  let written = 0;
  const finished = () => ({ startedAt, finishedAt: now() });
  try {
    for await (const chunk of chunks) {
      for (const part of chunk.parts) await sink.write(part);
      written += chunk.events;
    }
  } catch (error) {
    if (!(error instanceof PagerError)) throw error;
    return {
      status: 'failed',
      kind: error.kind,
      message: failureMessage(error.kind, error.message),
      partial: written > 0 ? buildFile(request, sink, written, true, finished()) : undefined,
    };
  }
  return { status: 'complete', file: buildFile(request, sink, written, false, finished()) };
}
