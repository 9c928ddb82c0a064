/**
 * Runs exports in a worker and exposes their state. A finished file downloads at once; cancel
 * aborts the worker's requests, then terminates it, and no file is produced.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { createExportWorker } from '../create-export-worker.ts';
import type { ExportWorkerFactory, ExportWorkerHandle } from '../export-protocol.ts';
import { exportReducer, IDLE, type ExportState } from '../export-state.ts';
import type { ExportRequest } from '../export-types.ts';
import { saveFile } from '../save-file.ts';
import type { JoinWaitListener, PrepareAhead } from '../../../lib/range-index/index-session.ts';

/** How long a cancelled worker gets to abort its requests itself before it is terminated. */
const CANCEL_GRACE_MS = 500;

/**
 * A port serving the view's events from the range index, or undefined to read the API; it may
 * wait for a read in flight (telling `onWait` how many events that read holds as it grows), or
 * for the page's decision whether to read the range (`deciding`), and stops waiting when
 * `signal` aborts (DOWNLOAD cancelled). While it waits on a read, the read's batches may come
 * ahead on the port given to `onPrepare`; 'prepared': the events come on that port.
 */
export type IndexedSource = (
  signal: AbortSignal,
  onWait?: JoinWaitListener,
  onPrepare?: PrepareAhead,
) => Promise<MessagePort | 'prepared' | undefined>;

export interface ExportControls {
  state: ExportState;
  /**
   * Starts an export of `request`; `openSource` may hand over the view's events from the
   * console's own range index (waiting for a read in flight), else the worker reads the API.
   */
  start(request: ExportRequest, openSource?: IndexedSource): void;
  cancel(): void;
  dismiss(): void;
}

function stopWorker(worker: ExportWorkerHandle) {
  worker.onmessage = (event) => {
    if (event.data.type === 'cancelled') worker.terminate();
  };
  worker.postMessage({ type: 'cancel' });
  setTimeout(() => worker.terminate(), CANCEL_GRACE_MS);
}

/** `const { state, start, cancel, dismiss } = useExport()`; pass a factory to use a fake worker. */
export function useExport(createWorker: ExportWorkerFactory = createExportWorker): ExportControls {
  const [state, dispatch] = useReducer(exportReducer, IDLE);
  const workerRef = useRef<ExportWorkerHandle | null>(null);
  /** Ends the wait for the index's events when the export it was for ends. */
  const waitRef = useRef<AbortController | null>(null);

  const release = useCallback(() => {
    waitRef.current?.abort();
    waitRef.current = null;
    const worker = workerRef.current;
    workerRef.current = null;
    if (worker) stopWorker(worker);
  }, []);

  const start = useCallback(
    (request: ExportRequest, openSource?: IndexedSource) => {
      release();
      const worker = createWorker();
      workerRef.current = worker;
      worker.onmessage = ({ data }) => {
        if (data.type === 'progress') dispatch({ type: 'progress', progress: data.progress });
        if (data.type !== 'finished') return;
        workerRef.current = null;
        worker.terminate();
        if (data.outcome.status === 'complete')
          saveFile(data.outcome.file.blob, data.outcome.file.fileName);
        dispatch({ type: 'finished', outcome: data.outcome });
      };
      worker.onerror = (event) => {
        workerRef.current = null;
        // The read it waited on need not send it anything more.
        waitRef.current?.abort();
        waitRef.current = null;
        worker.terminate();
        const message = event.message || 'The export worker stopped unexpectedly.';
        dispatch({
          type: 'finished',
          outcome: { status: 'failed', kind: 'invalid-response', message },
        });
      };
      dispatch({ type: 'started', request, startedAt: Date.now() });
      if (!openSource) {
        worker.postMessage({ type: 'start', request });
        return;
      }
      const wait = new AbortController();
      waitRef.current = wait;
      const onWait = (eventsRead: number, deciding: boolean) => {
        if (workerRef.current === worker) dispatch({ type: 'joining', eventsRead, deciding });
      };
      // Encoded ahead while the read goes on, in any format: the index gives each event back
      // as the API sent it (range-index/event-shape.ts), so prepared and streamed lines agree.
      const onPrepare = (port: MessagePort) => {
        if (workerRef.current !== worker) {
          port.close();
          return false;
        }
        worker.postMessage({ type: 'prepare', request, port }, [port]);
        return true;
      };
      void openSource(wait.signal, onWait, onPrepare)
        .catch(() => undefined)
        .then((source) => {
          const port = source instanceof MessagePort ? source : undefined;
          // Cancelled (or another export started) while the read it waited on ran.
          if (workerRef.current !== worker) return port?.close();
          if (port) worker.postMessage({ type: 'start', request, source: port }, [port]);
          else worker.postMessage({ type: 'start', request, source });
        });
    },
    [createWorker, release],
  );

  const cancel = useCallback(() => {
    release();
    dispatch({ type: 'cancelled' });
  }, [release]);

  const dismiss = useCallback(() => dispatch({ type: 'dismissed' }), []);

  useEffect(() => release, [release]);

  return { state, start, cancel, dismiss };
}
