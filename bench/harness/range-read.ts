/** Runs range-read.worker.ts once and resolves with what it measured. */
import type { RangeReadRequest, RangeReadResult } from './range-read.worker.ts';
import { workerResult } from './worker-result.ts';

export function rangeRead(request: RangeReadRequest): Promise<RangeReadResult> {
  // The URL stays here, whole, so the bundler finds the worker.
  const worker = new Worker(new URL('./range-read.worker.ts', import.meta.url), { type: 'module' });
  return workerResult(worker, request);
}
