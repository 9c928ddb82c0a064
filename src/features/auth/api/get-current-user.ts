/** `GET /api/user`: who the session's token belongs to, and the organizations it may open. */
import { queryOptions } from '@tanstack/react-query';
import type { CurrentUser } from '../../../../common/pulumi/wire-types.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { checkCurrentUser } from './check-current-user.ts';

export function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return apiGet('/api/user', checkCurrentUser, { signal });
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
