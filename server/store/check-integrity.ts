/**
 * What the server does with the store's integrity at start: say what opening found, then verify
 * every chain and refuse to serve a log that was changed behind the service's back.
 */
import { logLine, type LogLine } from '../log-line.ts';
import { describeChainReport } from './chain-verification.ts';
import type { AuditStore } from './audit-store.ts';
import { TamperedLogError } from './tampered-log-error.ts';

/** Logs the findings and throws `TamperedLogError` if a chain is broken. */
export function checkIntegrity(store: AuditStore, log: LogLine): void {
  const { chainedExisting, missingTriggers } = store.findings;
  if (chainedExisting > 0) {
    log(logLine`chained ${chainedExisting} events of a database from before the event chain`);
  }
  if (missingTriggers.length > 0) {
    log(
      logLine`WARNING: the append-only triggers ${missingTriggers.join(', ')} had been dropped outside the service; recreated them`,
    );
  }
  const report = store.verifyChains();
  if (!report.ok) {
    throw new TamperedLogError(
      `${describeChainReport(report)}. The audit log was changed outside the service; run \`npm run verify\` for details.`,
    );
  }
}
