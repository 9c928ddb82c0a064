/**
 * The event a link names, read from the API by the range reader: every event of its second (a
 * handful), in the API's order, so the ordinal counts as it did for whoever made the link.
 */
import { queryOptions } from '@tanstack/react-query';
import { parseEventIdentity } from '../../../../common/pulumi/event-identity.ts';
import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';
import { createWindowPageFetcher } from '../../../lib/range-reader/fetch-window-page.ts';
import { readRange } from '../../../lib/range-reader/range-reader.ts';
import { eventBatchSpool } from '../../../lib/range-reader/window-spool.ts';
import { findLinkedEvent } from '../view/event-link.ts';
import { auditLogQueries } from './audit-log-queries.ts';

export const linkedEventQuery = (org: string, identity: string) =>
  queryOptions({
    queryKey: [...auditLogQueries.org(org), 'event', identity] as const,
    queryFn: async ({ signal }): Promise<AuditLogEvent | null> => {
      const at = parseEventIdentity(identity)?.timestamp ?? 0;
      const second: AuditLogEvent[] = [];
      // The one reader: its retries, its checks of each answer, the second read whole.
      const batches = readRange({
        fetchPage: createWindowPageFetcher({ org }),
        range: { from: at, to: at + 1 },
        signal,
        spool: eventBatchSpool,
      });
      for await (const batch of batches) second.push(...batch);
      return findLinkedEvent(second, identity) ?? null;
    },
    // Audit events never change.
    staleTime: Infinity,
  });
