/**
 * The one place for cache and auth-error policy: retries follow the shared failure rules
 * (`lib/retry-policy.ts`), and a lost session sends the user to sign-in.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isUnauthorized } from '../lib/api-client.ts';
import { retryDelayMs, shouldRetry } from '../lib/retry-policy.ts';

/** Retries of one screen query before it shows its error (the export's pager allows more). */
export const MAX_QUERY_RETRIES = 3;

export interface QueryClientOptions {
  /** Called on any 401 from a query or mutation (the session expired or was never there). */
  onUnauthorized: () => void;
}

export function createQueryClient({ onUnauthorized }: QueryClientOptions): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) onUnauthorized();
  };
  const queryCache = new QueryCache({ onError });
  // Some cached values hold a worker (the range index): when the cache lets one go (sign-out
  // clears it; an organization left alone for `gcTime`), its worker ends with it.
  queryCache.subscribe((event) => {
    if (event.type === 'removed') disposeOf(event.query.state.data)?.();
  });
  return new QueryClient({
    queryCache,
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => shouldRetry(failureCount, error, MAX_QUERY_RETRIES),
        retryDelay: (attempt, error) => retryDelayMs(error, attempt),
        staleTime: 30_000,
        // Refetching every loaded page of a long log on each focus would cost more than it shows.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

function disposeOf(value: unknown): (() => void) | undefined {
  if (typeof value !== 'object' || value === null || !('dispose' in value)) return undefined;
  const { dispose } = value as { dispose: unknown };
  return typeof dispose === 'function' ? () => (dispose as () => void).call(value) : undefined;
}
