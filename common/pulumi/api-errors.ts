/**
 * The failures of one request to the Pulumi API, as the browser's client and the server's
 * upstream reader both throw them, so one classifier (./retry-policy.ts) sorts them.
 */

/** An HTTP failure carrying the status and Pulumi's `{code, message}` body when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: number;
  /** Seconds to wait before retrying, from a 429's `Retry-After` (seconds or HTTP date). */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A lost or missing session: `isUnauthorized(new ApiError(401, 'x')) === true`. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * A request that never got a whole HTTP answer: offline, DNS, a connection reset before the
 * headers or while the body was being read.
 */
export class NetworkError extends Error {
  constructor(message = 'The server could not be reached.') {
    super(message);
    this.name = 'NetworkError';
  }
}

/**
 * Parses `Retry-After` as seconds or an HTTP date, relative to `now` (ms):
 * `parseRetryAfter('2', 0) === 2`.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
