/**
 * The three rules Pulumi's Microsoft Sentinel connector ships, ready to copy: an admin adds a
 * webhook and turns one on. Event ids are the catalog's (common/pulumi/event-types.json).
 */
import type { ReadyMadeRule } from '../../common/alerts/alert-types.ts';

export const READY_MADE_RULES: readonly ReadyMadeRule[] = [
  {
    key: 'auth-failure-burst',
    name: 'Authentication failures from one IP',
    // Every auth-failure-* event type carries authenticationFailure, which `failed:` reads.
    query: 'failed:true',
    // "More than 5": the sixth failure within 15 minutes fires.
    threshold: 6,
    windowSeconds: 15 * 60,
    groupBy: 'ip',
    summary: 'More than 5 authentication failures from one source IP within 15 minutes.',
  },
  {
    key: 'stack-deleted',
    name: 'Stack deleted',
    query: 'event:stack-deleted',
    threshold: 1,
    windowSeconds: 0,
    groupBy: 'none',
    summary: 'Every stack deletion.',
  },
  {
    key: 'membership-changes',
    name: 'Membership changes',
    query: 'event:member-added event:member-removed event:member-role-changed',
    threshold: 1,
    windowSeconds: 0,
    groupBy: 'none',
    summary: 'Every member added to or removed from the organization, and every role change.',
  },
];
