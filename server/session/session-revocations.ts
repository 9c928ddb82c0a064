/**
 * Where signed-out sessions are remembered. With the embedded service they go into its database,
 * so a restart keeps them; in upstream mode there is no database, so they live in this process
 * (a restart, or another instance behind a load balancer, does not know them).
 */
import type { AuditStore } from '../store/audit-store.ts';

export interface SessionRevocations {
  /** Refuses session `id` until `expiresAt` (ms since the epoch). */
  revoke(id: string, expiresAt: number, now: number): void;
  isRevoked(id: string, now: number): boolean;
}

/** Revocations kept in the audit store's database. */
export function storeRevocations(store: AuditStore): SessionRevocations {
  return {
    revoke: (id, expiresAt, now) => store.revokeSession(id, expiresAt, now),
    isRevoked: (id, now) => store.isSessionRevoked(id, now),
  };
}

/** Revocations kept in memory, dropped once the session could no longer be used anyway. */
export function memoryRevocations(): SessionRevocations {
  const revoked = new Map<string, number>();
  return {
    revoke(id, expiresAt, now) {
      for (const [key, until] of revoked) if (until <= now) revoked.delete(key);
      revoked.set(id, expiresAt);
    },
    isRevoked: (id, now) => (revoked.get(id) ?? 0) > now,
  };
}
