/**
 * The one HTTP client for the Pulumi API, used by screens (through React Query) and by workers.
 * The session cookie carries credentials; no code here ever sees the access token.
 */
import type { ApiErrorBody } from './audit-log-types.ts';

/** Pulumi's media type; the API accepts any `application/vnd.pulumi+N`. */
export const PULUMI_ACCEPT = 'application/vnd.pulumi+8';

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

/** A request that never reached an HTTP answer (offline, reset connection, DNS). */
export class NetworkError extends Error {
  constructor(message = 'The server could not be reached.') {
    super(message);
    this.name = 'NetworkError';
  }
}

export type QueryValue = string | number | undefined | null;

/** Builds `path?query`, leaving out empty values: `withQuery('/a', {b: 1, c: undefined}) === '/a?b=1'`. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
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

async function readErrorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (typeof body.message === 'string' && body.message) return body.message;
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status text.
  }
  return response.statusText || `Request failed with status ${response.status}`;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** GETs JSON from the API; throws `ApiError` for non-2xx answers and `NetworkError` offline. */
export async function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return apiRequest<T>('GET', path, undefined, options);
}

/** Sends a JSON request (used for the console session endpoints). */
export async function apiRequest<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: PULUMI_ACCEPT,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError();
  }
  if (!response.ok) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    throw new ApiError(response.status, await readErrorMessage(response), retryAfter);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
