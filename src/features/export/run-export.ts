/**
 * One export run, free of any worker plumbing so it can be tested directly: page through the
 * view, encode each page, gather Blob parts, and hash the finished file. On a failure that the
 * pager gives up on, the events read so far become a partial file.
 */
import type { PageFetcher } from '../../lib/pager/fetch-audit-log-page.ts';
import { pageThrough, PagerError, type PagerOptions } from '../../lib/pager/resumable-pager.ts';
import { createBlobAssembler, sha256Hex } from './blob-assembler.ts';
import { createEncoder } from './encode-events.ts';
import { exportFileName } from './export-file-name.ts';
import { EXPORT_FORMATS } from './export-format.ts';
import type { ExportFile, ExportOutcome, ExportProgress, ExportRequest } from './export-types.ts';
import { failureMessage } from './failure-message.ts';

export interface ExportDeps extends Pick<PagerOptions, 'sleep' | 'random' | 'maxRetries'> {
  fetchPage: PageFetcher;
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
  hash?: (blob: Blob) => Promise<string>;
  now?: () => number;
}

interface Tally {
  events: number;
  pages: number;
}

async function buildFile(
  request: ExportRequest,
  blob: Blob,
  tally: Tally,
  partial: boolean,
  times: { startedAt: number; now: () => number; hash: (blob: Blob) => Promise<string> },
): Promise<ExportFile> {
  const sha256 = await times.hash(blob);
  return {
    blob,
    fileName: exportFileName(request.query, request.options.format, partial, request.timeZone),
    request,
    events: tally.events,
    bytes: blob.size,
    sha256,
    partial,
    startedAt: times.startedAt,
    finishedAt: times.now(),
  };
}

/**
 * Exports the request's view; resolves with the file or the failure (with any partial file),
 * and rejects only with the abort reason when `deps.signal` aborts.
 */
export async function runExport(request: ExportRequest, deps: ExportDeps): Promise<ExportOutcome> {
  const now = deps.now ?? Date.now;
  const times = { startedAt: now(), now, hash: deps.hash ?? sha256Hex };
  const encoder = createEncoder(request.options);
  const assembler = createBlobAssembler(EXPORT_FORMATS[request.options.format].mimeType);
  assembler.append(encoder.preamble);
  const tally: Tally = { events: 0, pages: 0 };
  const pages = pageThrough({
    ...deps,
    onRetry: ({ kind, attempt, delayMs }) =>
      deps.onProgress({ ...tally, retry: { kind, attempt, delayMs } }),
  });
  try {
    for await (const page of pages) {
      assembler.append(encoder.encode(page.events));
      tally.events += page.events.length;
      tally.pages += 1;
      deps.onProgress({ ...tally });
    }
  } catch (error) {
    if (!(error instanceof PagerError)) throw error;
    const partial =
      tally.events > 0
        ? await buildFile(request, assembler.finish(), tally, true, times)
        : undefined;
    return {
      status: 'failed',
      kind: error.kind,
      message: failureMessage(error.kind, error.message),
      partial,
    };
  }
  return {
    status: 'complete',
    file: await buildFile(request, assembler.finish(), tally, false, times),
  };
}
