/**
 * The export worker: a thin message shell over runExport. Reading, encoding and hashing all
 * happen here, off the main thread; the page receives only progress counts and the finished Blob
 * (a handle, not a copy of the bytes).
 */
import { readIndexStream } from '../../lib/range-index/index-stream.ts';
import type { PrepareMessage } from '../../lib/range-index/batch-preparer.ts';
import { createWindowPageFetcher } from '../../lib/range-reader/fetch-window-page.ts';
import type { FromExportWorker, ToExportWorker } from './export-protocol.ts';
import type { ExportRequest } from './export-types.ts';
import { throttleProgress } from './progress-throttle.ts';
import { requestEncoder } from './encode-events.ts';
import { createPreparedStore, type PreparedStore } from './prepared-store.ts';
import { readQueryOf, runExport } from './run-export.ts';

interface WorkerScope {
  postMessage(message: FromExportWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToExportWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;
let controller: AbortController | undefined;
/** Batches encoded ahead while the read this export waits on goes on, and their port. */
let prepared: { port: MessagePort; store: PreparedStore } | undefined;

function prepare(request: ExportRequest, port: MessagePort) {
  prepared?.port.close();
  const store = createPreparedStore(requestEncoder(request));
  port.onmessage = ({ data }: MessageEvent<PrepareMessage>) => {
    if (data.type === 'prepare') store.add(data.id, data.events);
  };
  port.start();
  prepared = { port, store };
}

/** The index's port for this export, if any; what was prepared is dropped unless it is used. */
function sourceOf(source: MessagePort | 'prepared' | undefined) {
  const ahead = prepared;
  prepared = undefined;
  if (source === 'prepared' && ahead) return ahead;
  ahead?.port.close();
  return source instanceof MessagePort ? { port: source, store: undefined } : undefined;
}

async function start(
  request: ExportRequest,
  from: MessagePort | 'prepared' | undefined,
  signal: AbortSignal,
) {
  const source = sourceOf(from);
  const onProgress = throttleProgress(
    (progress) => scope.postMessage({ type: 'progress', progress }),
    100,
    Date.now,
  );
  try {
    const outcome = await runExport(request, {
      fetchPage: createWindowPageFetcher(readQueryOf(request)),
      indexed:
        source && readIndexStream(source.port, signal, (m) => source.store?.add(m.id, m.events)),
      prepared: source?.store,
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
  if (message.type === 'prepare') {
    prepare(message.request, message.port);
    return;
  }
  controller?.abort();
  controller = new AbortController();
  void start(message.request, message.source, controller.signal);
});
