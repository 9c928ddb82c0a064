/**
 * The one failure classifier and the one set of retry rules, for every caller of the API: the
 * table's queries (through React Query), the export's pager and any other reader. A failure is
 * sorted into a kind; the kind says whether another try can help and how long to wait. Callers
 * keep only their own retry counts.
 */
import { ApiError, NetworkError } from './api-errors.ts';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';

export type FailureKind =
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'unauthorized'
  | 'refused'
  | 'invalid-response'
  | 'aborted';

/** Longest wait a `Retry-After` may impose; a longer one is most likely a mistake upstream. */
export const MAX_RETRY_AFTER_SECONDS = 60;

const RETRYABLE: ReadonlySet<FailureKind> = new Set(['rate-limited', 'server', 'network']);

/** Whether a failure kind is worth another try: `isRetryable('server') === true`. */
export function isRetryable(kind: FailureKind): boolean {
  return RETRYABLE.has(kind);
}

/**
 * An abort or a timeout, by name: a DOMException is not an Error everywhere (jsdom), and
 * common/ has no DOM types to name it.
 */
function isAbort(error: unknown): boolean {
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : '';
  return name === 'AbortError' || name === 'TimeoutError';
}

/**
 * Sorts an error from one request into a kind: `classifyFailure(new NetworkError()) === 'network'`.
 * 408 (the server gave up waiting) and 5xx are the server's transient trouble; other 4xx will
 * fail again. The API client turns a body that fails mid-read into a `NetworkError`, so anything
 * not recognised here is a bug or a changed API, and retrying it would only hide that.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (isAbort(error)) return 'aborted';
  if (error instanceof ApiError) {
    if (error.status === 429) return 'rate-limited';
    if (error.status === 401) return 'unauthorized';
    if (error.status === 408 || error.status >= 500) return 'server';
    return 'refused';
  }
  if (error instanceof NetworkError) return 'network';
  // An InvalidAnswerError, or an error no request makes (a bug): retrying would only hide it.
  return 'invalid-response';
}

/**
 * Milliseconds to wait before retry number `attempt` (0-based): a 429's `Retry-After` (capped at
 * 60 s) when it has one, else backoff with jitter:
 * `retryDelayMs(new ApiError(429, 'slow', 90), 0, Math.random) === 60000`.
 */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  random: () => number = Math.random,
  backoff: BackoffOptions = DEFAULT_BACKOFF,
): number {
  if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds !== undefined) {
    return Math.min(error.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000;
  }
  return backoffDelayMs(attempt, random, backoff);
}

/**
 * Whether a caller that allows `maxRetries` retries should try again after `failureCount`
 * failures: `shouldRetry(0, new ApiError(503, 'x'), 3) === true`; 400/401/403/404 never.
 */
export function shouldRetry(failureCount: number, error: unknown, maxRetries: number): boolean {
  return failureCount < maxRetries && isRetryable(classifyFailure(error));
}
