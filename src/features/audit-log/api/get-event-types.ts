/**
 * The event catalog for the event picker. Pulumi Cloud has no such endpoint (404), and then the
 * catalog bundled with the app stands in.
 */
import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiGet } from '../../../lib/api-client.ts';
import { checkEventTypes } from './check-event-types.ts';
import type { EventType } from '../../../../common/pulumi/wire-types.ts';
import { EVENT_TYPES } from '../../../../common/pulumi/event-catalog.ts';

/** Fetches the org's event types, or the bundled catalog when the endpoint does not exist. */
export async function getEventTypes(
  org: string,
  signal?: AbortSignal,
): Promise<readonly EventType[]> {
  try {
    const eventTypes = await apiGet(
      `/api/orgs/${encodeURIComponent(org)}/auditlogs/event-types`,
      checkEventTypes,
      { signal },
    );
    return eventTypes.length ? eventTypes : EVENT_TYPES;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return EVENT_TYPES;
    throw error;
  }
}

export const eventTypeQueries = {
  all: () => ['event-types'] as const,
  list: (org: string) =>
    queryOptions({
      queryKey: [...eventTypeQueries.all(), org] as const,
      queryFn: ({ signal }) => getEventTypes(org, signal),
      // The catalog changes with Pulumi releases, not during a session.
      staleTime: Infinity,
      placeholderData: EVENT_TYPES,
    }),
};
