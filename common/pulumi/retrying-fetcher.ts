/**
 * One page of the audit log, asked again by the one failure classifier's rules until it arrives:
 * surviving rate limits, server errors and dropped connections, retrying only the page that
 * failed so no event is skipped or read twice. The browser's range reader
 * (src/lib/range-reader/) and the server's upstream alert reader
 * (server/alerts/upstream/upstream-page-reader.ts) read with it; nothing else loops over
 * continuation tokens.
 */
import type { CheckedAuditLogPage } from './audit-log-page.ts';
import { abortableSleep, abortReason } from './abortable-sleep.ts';
import { classifyFailure, isRetryable, retryDelayMs, type FailureKind } from './retry-policy.ts';

/** Fetches one page; what the pager calls, and what tests replace. */
export type PageFetcher = (
  continuationToken: string | undefined,
  signal: AbortSignal,
) => Promise<CheckedAuditLogPage>;

/** Consecutive failures of one page tolerated before the run gives up. */
export const DEFAULT_MAX_RETRIES = 8;

export interface RetryNotice {
  kind: FailureKind;
  /** 1-based number of the retry about to happen. */
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface PagerOptions {
  fetchPage: PageFetcher;
  signal: AbortSignal;
  /** Resume with this continuation token; undefined starts at the newest event. */
  startToken?: string;
  maxRetries?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  onRetry?: (notice: RetryNotice) => void;
}

/** The run stopped for good; `resumeToken` reads the first page not yet delivered. */
export class PagerError extends Error {
  readonly kind: FailureKind;
  readonly resumeToken: string | undefined;
  /** True when the failure was retryable and the retries ran out. */
  readonly exhausted: boolean;

  constructor(
    kind: FailureKind,
    cause: unknown,
    resumeToken: string | undefined,
    exhausted: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PagerError';
    this.kind = kind;
    this.resumeToken = resumeToken;
    this.exhausted = exhausted;
  }
}

type FetchOnce = (token: string | undefined) => Promise<CheckedAuditLogPage>;

/**
 * One page by its token, retried by the shared rules until it arrives, the retries run out
 * (`PagerError`) or the signal aborts: also what each window of the range reader reads with.
 */
export function retryingFetcher(options: PagerOptions): FetchOnce {
  const { fetchPage, signal, maxRetries = DEFAULT_MAX_RETRIES } = options;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  return async (token) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetchPage(token, signal);
      } catch (error) {
        const kind = classifyFailure(error);
        if (kind === 'aborted' || signal.aborted) throw abortReason(signal);
        if (!isRetryable(kind)) throw new PagerError(kind, error, token, false);
        if (attempt >= maxRetries) throw new PagerError(kind, error, token, true);
        const delayMs = retryDelayMs(error, attempt, random);
        options.onRetry?.({ kind, attempt: attempt + 1, delayMs, error });
        await sleep(delayMs, signal);
      }
    }
  };
}
