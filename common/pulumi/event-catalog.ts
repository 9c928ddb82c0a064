import type { EventType } from './wire-types.ts';
import eventTypesJson from './event-types.json' with { type: 'json' };

/** The 169 Pulumi audit-log event types, generated from spec/pulumi/event-types.tsv. */
export const EVENT_TYPES: readonly EventType[] = eventTypesJson;

const byId = new Map(EVENT_TYPES.map((type) => [type.event, type]));

/** Looks an event type up by its kebab-case id: `findEventType('stack-deleted')?.displayName`. */
export function findEventType(event: string): EventType | undefined {
  return byId.get(event);
}

/**
 * The name a person reads for an event id; unknown ids (newer than our catalog) are shown
 * as they come: `eventDisplayName('member-added') === 'Member Added'`.
 */
export function eventDisplayName(event: string): string {
  return byId.get(event)?.displayName ?? event;
}

/**
 * Whether an event type records a failed authentication: the catalog's authentication failures
 * (`auth-failure-*`, `oidc-issuer-validation-failed`) and failed logins (`user-login-failed`,
 * whose events the API does not flag `authFailure`). `failed:true` matches these types and
 * every event flagged `authFailure`.
 */
export function isFailureEventType(event: string): boolean {
  const type = byId.get(event);
  if (!type) return false;
  return type.authenticationFailure || /(^|-)login-failed$/.test(event);
}

/** The catalog's event types that `isFailureEventType` accepts, for the README and the `?` list. */
export const FAILURE_EVENT_TYPES: readonly string[] = EVENT_TYPES.filter((t) =>
  isFailureEventType(t.event),
).map((t) => t.event);
