/**
 * The event a link names, read from the API: every event of its second (a handful), in the
 * API's order, so the ordinal counts as it did for whoever made the link.
 */
import { queryOptions } from '@tanstack/react-query';
import { parseEventIdentity } from '../../../../common/pulumi/event-identity.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { getAuditLogPage } from '../../../lib/get-audit-log-page.ts';
import { LARGEST_PAGE_SIZE } from '../../../../common/pulumi/api-limits.ts';
import { findLinkedEvent } from '../view/event-link.ts';
import { auditLogQueries } from './audit-log-queries.ts';

export const linkedEventQuery = (org: string, identity: string) =>
  queryOptions({
    queryKey: [...auditLogQueries.org(org), 'event', identity] as const,
    queryFn: async ({ signal }): Promise<AuditLogEvent | null> => {
      const at = parseEventIdentity(identity)?.timestamp ?? 0;
      const second: AuditLogEvent[] = [];
      let continuationToken: string | undefined;
      do {
        const page = await getAuditLogPage(
          { org, startTime: at, endTime: at + 1 },
          { continuationToken, pageSize: LARGEST_PAGE_SIZE, signal },
        );
        second.push(...page.auditLogEvents);
        continuationToken = page.continuationToken;
      } while (continuationToken);
      return findLinkedEvent(second, identity) ?? null;
    },
    // Audit events never change.
    staleTime: Infinity,
  });
