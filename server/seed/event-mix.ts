/**
 * Which event types people trigger, and how often. Weights are relative; types not listed weigh
 * 1. Stack updates come mostly from CI bursts (event-generator.ts), logins from sessions, so
 * those are not drawn here. Deprecated types are drawn under their replacement's name and
 * renamed by `eventForTime`, so each pair appears on one side of the range's middle only.
 */
import { EVENT_TYPES } from '../../common/pulumi/event-catalog.ts';
import { weightedIndex } from './prng.ts';

const WEIGHTS: Readonly<Record<string, number>> = {
  'stack-update-started': 30, // a person's own `pulumi up`; the generator adds its completion
  'stack-update-completed': 0,
  'stack-update-canceled': 0,
  'user-login': 0,
  'user-login-failed': 0,
  'environment-open': 30,
  'stack-outputs-read': 25,
  'environment-read': 12,
  'secrets-batch-decrypted': 10,
  'environment-read-open': 8,
  'secret-decrypted': 8,
  'stack-provider-open': 8,
  'environment-updated': 6,
  'environment-oidc-token-issued': 6,
  'agent-task-created': 4,
  'stack-created': 3,
  'agent-task-updated': 3,
  'team-updated': 3,
  'environment-draft-open': 3,
  'registry-package-version-published': 2,
  'cloud-account-scan-started': 2,
  'org-downgraded-to-free': 0.05,
  'org-upgraded-to-pro': 0.05,
  'org-plan-migrated': 0.05,
  'organization-backend-changed': 0.05,
  'customer-managed-key-disabled-all': 0.05,
  'retrial-started': 0.05,
  'retrial-ended': 0.05,
  'retrial-expiration-updated': 0.05,
};
const AUTH_FAILURE_WEIGHT = 0.6;

const SUCCESSOR = new Map(
  EVENT_TYPES.filter((t) => t.replacedBy).map((t) => [t.event, t.replacedBy as string]),
);
const PREDECESSOR = new Map([...SUCCESSOR].map(([old, replacement]) => [replacement, old]));

function weightOf(event: string, authFailure: boolean): number {
  if (SUCCESSOR.has(event)) return 0;
  return WEIGHTS[event] ?? (authFailure ? AUTH_FAILURE_WEIGHT : 1);
}

/** Picks an event id from a uniform draw. */
export type EventPicker = (uniform: number) => string;

function picker(includeAdminOnly: boolean): EventPicker {
  const ids = EVENT_TYPES.map((t) => t.event);
  const weights = EVENT_TYPES.map((t) =>
    !includeAdminOnly && t.requiresOrgAdmin ? 0 : weightOf(t.event, t.authenticationFailure),
  );
  const index = weightedIndex(weights);
  return (uniform) => ids[index(uniform)] as string;
}

/** Organization admins may do anything; members never do what needs the admin role. */
export const pickAdminEvent: EventPicker = picker(true);
export const pickMemberEvent: EventPicker = picker(false);

/**
 * The id an event had at `timestamp`: deprecated names before `midpoint`, their replacements
 * from it on: `eventForTime('cloud-account-created', 0, 10) === 'insights-account-created'`.
 */
export function eventForTime(event: string, timestamp: number, midpoint: number): string {
  if (timestamp < midpoint) return PREDECESSOR.get(event) ?? event;
  return SUCCESSOR.get(event) ?? event;
}

/** Whether an id exists only before the middle (deprecated) or only after it (a replacement). */
export function eraOf(event: string): 'old' | 'new' | 'any' {
  if (SUCCESSOR.has(event)) return 'old';
  return PREDECESSOR.has(event) ? 'new' : 'any';
}
