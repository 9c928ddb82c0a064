/** The events and ready-made rules the alerts tests write and create, in both modes. */
import type { NewAuditEvent } from '../../store/audit-store.ts';
import { READY_MADE_RULES } from '../ready-made-rules.ts';

/** A ready-made rule's settings, as a create request takes them. */
export const readyMade = (key: string) => {
  const rule = READY_MADE_RULES.find((r) => r.key === key);
  if (!rule) throw new Error(`no ready-made rule ${key}`);
  const { key: _key, summary: _summary, ...fields } = rule;
  return fields;
};

/** A refused stack access from `sourceIP` (an authentication failure, `failed:true`). */
export const failure = (timestamp: number, sourceIP: string): NewAuditEvent => ({
  timestamp,
  sourceIP,
  event: 'auth-failure-stack-permission',
  description: 'Access denied to stack acme/web/prod',
  userLogin: 'mel',
  authFailure: true,
});

/** `acme/{stack}` deleted. */
export const deletion = (timestamp: number, stack: string): NewAuditEvent => ({
  timestamp,
  sourceIP: '192.0.2.10',
  event: 'stack-deleted',
  description: `Stack "acme/${stack}" was deleted`,
  userLogin: 'ada',
});
