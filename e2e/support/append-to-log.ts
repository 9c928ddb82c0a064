/**
 * Writes events into a test server's own log, as if they had just been logged: the store is
 * opened beside the running server and closed again, so the server reads them on its next query.
 */
import path from 'node:path';
import { openAuditStore, type NewAuditEvent } from '../../server/store/audit-store.ts';
import type { TestServer } from './test-server.ts';

/** Appends `events` to `org`'s log in `server`; returns how many were appended. */
export function appendToLog(
  server: TestServer,
  events: Iterable<NewAuditEvent>,
  org = 'acme',
): number {
  const store = openAuditStore(path.join(server.dataDir, 'audit.db'));
  try {
    return store.appendEvents(org, events);
  } finally {
    store.close();
  }
}
