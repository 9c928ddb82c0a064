/**
 * The one place for cache, retry and auth-error policy: requests the server refused for a reason
 * that retrying cannot change are not retried, and a lost session sends the user to sign-in.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthorized, NetworkError } from '../lib/api-client.ts';

/** Statuses that mean "this request will fail again": bad input, no session, no right, no such thing. */
export const NO_RETRY_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404]);
export const MAX_RETRIES = 3;
const MAX_RETRY_DELAY_MS = 30_000;

function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (!(error instanceof ApiError) || NO_RETRY_STATUSES.has(error.status)) return false;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

/** React Query's `retry`: `shouldRetry(0, new ApiError(503, 'x')) === true`; 400/401/403/404 never. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return isTransient(error) && failureCount < MAX_RETRIES;
}

/** Waits what a 429 asks for, else backs off exponentially: 1 s, 2 s, 4 s… */
export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined) {
    return Math.min(error.retryAfterSeconds * 1000, MAX_RETRY_DELAY_MS);
  }
  return Math.min(1000 * 2 ** attempt, MAX_RETRY_DELAY_MS);
}

export interface QueryClientOptions {
  /** Called on any 401 from a query or mutation (the session expired or was never there). */
  onUnauthorized: () => void;
}

export function createQueryClient({ onUnauthorized }: QueryClientOptions): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 30_000,
        // Refetching every loaded page of a long log on each focus would cost more than it shows.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
