/** The real range-index worker, bundled by Vite as an ES module worker. */
import type { FromIndexWorker, ToIndexWorker } from './index-protocol.ts';

export interface IndexWorkerHandle {
  postMessage(message: ToIndexWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromIndexWorker>) => void): void;
  /** The worker died (an uncaught error, out of memory): it will not answer again. */
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** Starts a range-index worker: `createIndexWorker().postMessage({type: 'load', query})`. */
export function createIndexWorker(): IndexWorkerHandle {
  return new Worker(new URL('./index.worker.ts', import.meta.url), {
    type: 'module',
    name: 'audit-log-range-index',
  }) as IndexWorkerHandle;
}
