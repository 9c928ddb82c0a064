/** `GET /api/user`: who the session's token belongs to, and the organizations it may open. */
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.ts';
import type { CurrentUser } from '../../../lib/audit-log-types.ts';

export function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return apiGet<CurrentUser>('/api/user', { signal });
}

export const currentUserQueries = {
  all: () => ['current-user'] as const,
  me: () =>
    queryOptions({
      queryKey: currentUserQueries.all(),
      queryFn: ({ signal }) => getCurrentUser(signal),
      staleTime: 5 * 60_000,
    }),
};
