/** Runs the single-chain baseline (single-chain.worker.ts) and resolves with what it wrote. */
import type { AuditLogQuery } from '../../src/lib/audit-log-query.ts';
import { workerResult } from './worker-result.ts';

export interface SingleChainResult {
  events: number;
  bytes: number;
  sha256: string;
}

export function singleChainExport(query: AuditLogQuery): Promise<SingleChainResult> {
  const worker = new Worker(new URL('./single-chain.worker.ts', import.meta.url), {
    type: 'module',
  });
  return workerResult(worker, query);
}
