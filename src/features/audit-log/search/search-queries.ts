/**
 * The range index as the page reaches it: one IndexSession per organization, cached like any
 * other answer (so sign-out, which clears the cache, ends its worker), and which service
 * answers `/api` (the embedded one, or Pulumi Cloud through the proxy).
 */
import { queryOptions } from '@tanstack/react-query';
import { InvalidAnswerError, isJsonObject } from '../../../../common/pulumi/invalid-answer.ts';
import { apiGet } from '../../../lib/api-client.ts';
import { IndexSession } from '../../../lib/range-index/index-session.ts';
import { auditLogQueries } from '../api/audit-log-queries.ts';

export type ApiService = 'embedded' | 'pulumi-cloud';

/** The check of `GET /console/config`: `{"service": "embedded"}`. */
export function checkConsoleConfig(body: unknown): { service: ApiService } {
  if (!isJsonObject(body) || (body.service !== 'embedded' && body.service !== 'pulumi-cloud')) {
    throw new InvalidAnswerError('the console configuration names no service');
  }
  return { service: body.service };
}

/** An index left alone this long (another organization, a closed log) is let go. */
const INDEX_KEPT_MS = 30 * 60_000;

export const searchQueries = {
  config: () =>
    queryOptions({
      queryKey: ['console-config'] as const,
      queryFn: () => apiGet('/console/config', checkConsoleConfig),
      staleTime: Infinity,
    }),
  session: (org: string) =>
    queryOptions({
      queryKey: [...auditLogQueries.org(org), 'range-index'] as const,
      queryFn: () => new IndexSession(org),
      staleTime: Infinity,
      gcTime: INDEX_KEPT_MS,
      // A live object, not data: never copied or merged.
      structuralSharing: false,
    }),
};
