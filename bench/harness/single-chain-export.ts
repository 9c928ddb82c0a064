/** Runs the single-chain baseline (single-chain.worker.ts) and resolves with what it wrote. */
import type { AuditLogQuery } from '../../src/lib/audit-log-query.ts';

export interface SingleChainResult {
  events: number;
  bytes: number;
  sha256: string;
}

export function singleChainExport(query: AuditLogQuery): Promise<SingleChainResult> {
  const worker = new Worker(new URL('./single-chain.worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<{ result?: SingleChainResult; error?: string }>) => {
      worker.terminate();
      if (data.result) resolve(data.result);
      else reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(query);
  });
}
