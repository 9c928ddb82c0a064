/** Messages between the page and the export worker. */
import type { ExportOutcome, ExportProgress, ExportRequest } from './export-types.ts';

export type ToExportWorker =
  /**
   * The export waits on the console's read of its range: the batches that read gets come on
   * `port` to be encoded ahead (prepared-store.ts).
   */
  | { type: 'prepare'; request: ExportRequest; port: MessagePort }
  /**
   * `source`: the view's events from the console's range index, when it holds them all; 'prepared'
   * when they come on the port given to prepare, else the export reads the API.
   */
  | { type: 'start'; request: ExportRequest; source?: MessagePort | 'prepared' }
  | { type: 'cancel' };

export type FromExportWorker =
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'finished'; outcome: ExportOutcome }
  | { type: 'cancelled' };

/** The part of a Worker the page uses, so tests can hand in a fake. */
export interface ExportWorkerHandle {
  postMessage(message: ToExportWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromExportWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Makes the worker; the default one is created in create-export-worker.ts. */
export type ExportWorkerFactory = () => ExportWorkerHandle;
