/**
 * What the console already knows about a login: the name and picture from any event of it in
 * the loaded pages of this organization. The API has no user lookup, so a user filter shows
 * the login alone until one of their events has been read.
 */
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { UserInfo } from '../../../../common/pulumi/wire-types.ts';
import { auditLogQueries, type LoadedAuditLogPage } from '../api/audit-log-queries.ts';

type Pages = InfiniteData<LoadedAuditLogPage>;

/** The first user info with `login` among `pages`, or undefined. */
export function findUser(pages: readonly Pages[], login: string): UserInfo | undefined {
  for (const data of pages) {
    for (const page of data.pages) {
      const event = page.events.find((candidate) => candidate.user.githubLogin === login);
      if (event) return event.user;
    }
  }
  return undefined;
}

/** The loaded user info of `login` in `org`, if any event of theirs has been read. */
export function useKnownUser(org: string, login: string | undefined): UserInfo | undefined {
  const queryClient = useQueryClient();
  if (!login) return undefined;
  const cached = queryClient
    .getQueriesData<Pages>({ queryKey: auditLogQueries.org(org) })
    .map(([, data]) => data)
    .filter((data): data is Pages => data !== undefined && Array.isArray(data.pages));
  return findUser(cached, login);
}
