/**
 * The alerts job: every `intervalMs` it evaluates the rules on new events (in upstream mode,
 * after reading them from Pulumi Cloud) and sends the deliveries that are due. One pass at a
 * time; a pass that fails is logged (without secrets or URLs) and the next one tries again.
 */
import { logLine, type LogLine } from '../log-line.ts';
import { deliverDue, type DeliveryOptions } from './deliver-webhooks.ts';
import { evaluateNewEvents, type EvaluationOptions } from './evaluate-new-events.ts';

export type AlertJobOptions = EvaluationOptions &
  Omit<DeliveryOptions, 'store'> & {
    intervalMs: number;
    log: LogLine;
    /**
     * Before each evaluation: upstream mode reads Pulumi Cloud's new events here, until the
     * signal aborts (the job's stop).
     */
    readNewEvents?: (signal: AbortSignal) => Promise<void>;
  };

export const DEFAULT_ALERT_INTERVAL_MS = 10_000;

export interface AlertJob {
  /** One pass now (tests call it instead of waiting for the timer). */
  runOnce(): Promise<void>;
  start(): void;
  /**
   * Stops the timer, ends a pass in flight at its next step (a read waiting out a `Retry-After`
   * at once) and waits for it. A stopped job stays stopped: later passes read nothing.
   */
  stop(): Promise<void>;
}

export function createAlertJob(options: AlertJobOptions): AlertJob {
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stopping = new AbortController();
  const pass = async () => {
    await options.readNewEvents?.(stopping.signal);
    if (stopping.signal.aborted) return;
    evaluateNewEvents(options);
    await deliverDue({ ...options, store: options.alerts });
  };
  const runOnce = () => {
    running ??= pass()
      .catch((error: unknown) => {
        options.log(
          logLine`alerts: a pass failed: ${error instanceof Error ? error.message : 'error'}`,
        );
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  return {
    runOnce,
    start: () => {
      timer ??= setInterval(() => void runOnce(), options.intervalMs);
      timer.unref();
    },
    stop: async () => {
      clearInterval(timer);
      timer = undefined;
      stopping.abort();
      await running;
    },
  };
}
