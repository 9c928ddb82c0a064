/**
 * The one HTTP client for the Pulumi API, used by screens (through React Query) and by workers.
 * The session cookie carries credentials; no code here ever sees the access token.
 */
import { PULUMI_ACCEPT } from '../../common/pulumi/api-limits.ts';
import { InvalidAnswerError } from '../../common/pulumi/invalid-answer.ts';
import type { ApiErrorBody } from '../../common/pulumi/wire-types.ts';
import { ApiError, NetworkError, parseRetryAfter } from '../../common/pulumi/api-errors.ts';

// The errors moved to common/ so the server's upstream reader throws and classifies the same ones.
export {
  ApiError,
  isUnauthorized,
  NetworkError,
  parseRetryAfter,
} from '../../common/pulumi/api-errors.ts';

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

/** Checks an answer's JSON and gives it typed, or throws (an `InvalidAnswerError`, ideally). */
export type AnswerParser<T> = (body: unknown) => T;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const CUT_SHORT = 'The connection dropped while the answer was being read.';

/**
 * Reads a 2xx body as JSON. A body that fails mid-read is a network failure (a reset
 * connection), whoever asked; so is JSON that ends early, which is how a cut body looks when the
 * connection closes cleanly. A body that is not JSON at all (a proxy's HTML page) is an invalid
 * answer, which retrying will not change.
 */
async function readJsonBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new NetworkError(CUT_SHORT);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const saysJson = /json/i.test(response.headers.get('Content-Type') ?? '');
    throw saysJson ? new NetworkError(CUT_SHORT) : new InvalidAnswerError('the answer is not JSON');
  }
}

/**
 * GETs JSON from the API and checks it with `parse` at the boundary; throws `ApiError` for
 * non-2xx answers and `NetworkError` when the connection fails:
 * `apiGet('/api/user', checkCurrentUser)`.
 */
export async function apiGet<T>(
  path: string,
  parse: AnswerParser<T>,
  options: RequestOptions = {},
): Promise<T> {
  return apiRequest('GET', path, parse, undefined, options);
}

/** Sends a request with an optional JSON body (the console session endpoints use it too). */
export async function apiRequest<T>(
  method: string,
  path: string,
  parse: AnswerParser<T>,
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
    if (isAbort(error)) throw error;
    throw new NetworkError();
  }
  if (!response.ok) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    throw new ApiError(response.status, await readErrorMessage(response), retryAfter);
  }
  return parse(response.status === 204 ? undefined : await readJsonBody(response));
}

/** The parser for answers whose body is not used (204, sign-out). */
export const ignoreBody: AnswerParser<void> = () => undefined;
