/** The real export worker, bundled by Vite as an ES module worker. */
import type { ExportWorkerHandle } from './export-protocol.ts';

/** Starts a new export worker: `createExportWorker().postMessage({type: 'start', request})`. */
export function createExportWorker(): ExportWorkerHandle {
  return new Worker(new URL('./export.worker.ts', import.meta.url), {
    type: 'module',
    name: 'audit-log-export',
  }) as ExportWorkerHandle;
}
