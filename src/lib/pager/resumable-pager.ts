/**
 * Walks every page of a view, newest first, surviving rate limits, server errors and dropped
 * connections. It keeps the continuation token of the next page and retries only that page, so
 * no event is skipped or read twice. The next page is requested while the caller works on the
 * current one, so the network and the caller's encoding overlap.
 *
 * Used by the export; kept free of export concerns so a whole-range search index can use it too.
 */
import type { CheckedAuditLogPage } from '../../../common/pulumi/audit-log-page.ts';
import type { AuditLogEvent } from '../../../common/pulumi/wire-types.ts';
import { abortableSleep, abortReason } from './abortable-sleep.ts';
import { createChainCheck } from './chain-check.ts';
import type { PageFetcher } from './fetch-audit-log-page.ts';
import { classifyFailure, isRetryable, retryDelayMs, type FailureKind } from '../retry-policy.ts';

/** Consecutive failures of one page tolerated before the run gives up. */
export const DEFAULT_MAX_RETRIES = 8;

export interface PagerPage {
  events: AuditLogEvent[];
  /** 0-based position of the page in this run. */
  index: number;
  /** The token that reads the page after this one; undefined after the last page. */
  nextToken: string | undefined;
}

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

/**
 * Yields every page of the view in order; throws `PagerError` when it must stop, or the abort
 * reason when `signal` aborts: `for await (const page of pageThrough({fetchPage, signal})) …`.
 */
export async function* pageThrough(options: PagerOptions): AsyncGenerator<PagerPage> {
  const check = createChainCheck();
  const fetchOnce = retryingFetcher({
    ...options,
    fetchPage: async (token, signal) => {
      const page = await options.fetchPage(token, signal);
      check(token, page);
      return page;
    },
  });
  let pending = fetchOnce(options.startToken);
  for (let index = 0; ; index++) {
    const page = await pending;
    const nextToken = page.continuationToken;
    if (nextToken) {
      pending = fetchOnce(nextToken);
      // Handled when awaited on the next turn; this keeps an early exit from reporting it as unhandled.
      pending.catch(() => undefined);
    }
    yield { events: page.auditLogEvents, index, nextToken };
    if (!nextToken) return;
  }
}
