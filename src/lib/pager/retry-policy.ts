/**
 * What a failed page request means for a long paging run: wait and ask again (rate limit, server
 * error, network), or stop (signed out, refused, cancelled).
 */
import { ApiError, NetworkError } from '../api-client.ts';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { ResponseShapeError } from './validate-page.ts';

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

function isAbort(error: unknown): boolean {
  return (
    (error instanceof DOMException || error instanceof Error) &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

/**
 * Sorts an error from one page request into a kind: `classifyFailure(new NetworkError()) === 'network'`.
 * A 200 whose connection resets mid-body rejects in `response.json()` with a TypeError (or a
 * SyntaxError when the body was cut cleanly), so both count as network failures.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (isAbort(error)) return 'aborted';
  if (error instanceof ApiError) {
    if (error.status === 429) return 'rate-limited';
    if (error.status === 401) return 'unauthorized';
    if (error.status >= 500) return 'server';
    return 'refused';
  }
  if (error instanceof ResponseShapeError) return 'invalid-response';
  if (error instanceof NetworkError || error instanceof TypeError || error instanceof SyntaxError) {
    return 'network';
  }
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
  random: () => number,
  backoff: BackoffOptions = DEFAULT_BACKOFF,
): number {
  if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds !== undefined) {
    return Math.min(error.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000;
  }
  return backoffDelayMs(attempt, random, backoff);
}
