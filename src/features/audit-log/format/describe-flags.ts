import type { AuditLogEvent } from '../../../../common/pulumi/wire-types.ts';

/** The flags of an event in words, in the table's order of its markers. */
export const FLAG_LABELS = {
  authFailure: 'Authentication failure',
  reqOrgAdmin: 'Required organization admin',
  reqStackAdmin: 'Required stack admin',
} as const;

/** The range index's markers, in words (searchable as `first-ip:true` and `burst:true`). */
export const MARK_LABELS = {
  firstIp: 'First event of this user from this address in the range read (first-ip:true)',
  burst:
    'Part of a burst: 5 or more failed logins or authentication failures from this address within 5 minutes (burst:true)',
} as const;

/**
 * The flags an event carries, in words:
 * `describeFlags({authFailure: true, ...})` → `['Authentication failure']`; none → `[]`.
 */
export function describeFlags(
  event: Pick<AuditLogEvent, 'authFailure' | 'reqOrgAdmin' | 'reqStackAdmin'>,
): string[] {
  const keys = Object.keys(FLAG_LABELS) as (keyof typeof FLAG_LABELS)[];
  return keys.filter((key) => event[key]).map((key) => FLAG_LABELS[key]);
}
