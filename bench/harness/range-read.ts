/** Runs range-read.worker.ts once and resolves with what it measured. */
import type { RangeReadRequest, RangeReadResult } from './range-read.worker.ts';

export function rangeRead(request: RangeReadRequest): Promise<RangeReadResult> {
  const worker = new Worker(new URL('./range-read.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<{ result?: RangeReadResult; error?: string }>) => {
      worker.terminate();
      if (data.result) resolve(data.result);
      else reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(request);
  });
}
