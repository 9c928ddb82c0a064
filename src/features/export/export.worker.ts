/**
 * The export worker: a thin message shell over runExport. Reading, encoding and hashing all
 * happen here, off the main thread; the page receives only progress counts and the finished Blob
 * (a handle, not a copy of the bytes).
 */
import { readIndexStream } from '../../lib/range-index/index-stream.ts';
import { createWindowPageFetcher } from '../../lib/range-reader/fetch-window-page.ts';
import type { FromExportWorker, ToExportWorker } from './export-protocol.ts';
import type { ExportRequest } from './export-types.ts';
import { throttleProgress } from './progress-throttle.ts';
import { readQueryOf, runExport } from './run-export.ts';

interface WorkerScope {
  postMessage(message: FromExportWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToExportWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;
let controller: AbortController | undefined;

async function start(request: ExportRequest, source: MessagePort | undefined, signal: AbortSignal) {
  const onProgress = throttleProgress(
    (progress) => scope.postMessage({ type: 'progress', progress }),
    100,
    Date.now,
  );
  try {
    const outcome = await runExport(request, {
      fetchPage: createWindowPageFetcher(readQueryOf(request)),
      indexed: source && readIndexStream(source, signal),
      signal,
      onProgress,
    });
    scope.postMessage({ type: 'finished', outcome });
  } catch (error) {
    if (signal.aborted) {
      scope.postMessage({ type: 'cancelled' });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({
      type: 'finished',
      outcome: { status: 'failed', kind: 'invalid-response', message },
    });
  }
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    controller?.abort();
    return;
  }
  controller?.abort();
  controller = new AbortController();
  void start(message.request, message.source, controller.signal);
});
