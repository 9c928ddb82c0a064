/**
 * A server on demo data seeded at a fixed "now", for pictures that must not change from run to
 * run: the same events at the same instants every time (the browser's clock is fixed to match).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoOrganization } from '../../server/seed/demo-organization.ts';
import { createDatabaseFile } from '../../server/store/database-file.ts';
import {
  startTestServer,
  TEST_ADMIN_TOKEN,
  TEST_MEMBER_TOKEN,
  type TestServer,
} from './test-server.ts';

/** The seed's "now": Wednesday, Nov 25, 2026, 15:30 UTC. */
export const FIXED_NOW_SECONDS = Date.UTC(2026, 10, 25, 15, 30) / 1000;

/** Seeds `events` acme events ending at FIXED_NOW_SECONDS and starts a server on them. */
export async function startFixedDemoServer(events = 3000): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'audit-console-fixed-'));
  createDatabaseFile(path.join(dataDir, 'audit.db'), (store) =>
    seedDemoOrganization(store, {
      events,
      seed: 1,
      now: FIXED_NOW_SECONDS,
      adminToken: TEST_ADMIN_TOKEN,
      memberToken: TEST_MEMBER_TOKEN,
    }),
  );
  const server = await startTestServer({ dataDir });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
