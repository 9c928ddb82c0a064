/**
 * The embedded service's data on start: seed the demo organizations into a new database (built
 * whole before it appears: store/database-file.ts), keep the demo tokens in step with the
 * environment, and describe both for the start banner.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from './config.ts';
import {
  generateToken,
  readSavedTokens,
  rememberDemoTokens,
  rotateDemoToken,
  saveTokens,
  type DemoTokens,
} from './demo-tokens.ts';
import { authenticateToken } from './auth/authenticate.ts';
import { seedDemoOrganization } from './seed/demo-organization.ts';
import type { AuditStore } from './store/audit-store.ts';
import { createDatabaseFile, openExistingStore } from './store/database-file.ts';

/** The demo data's fixed seed: every fresh start shows the same organization. */
const DEMO_SEED = 1;

function seedEmptyStore(store: AuditStore, config: ServerConfig): void {
  const tokens = {
    adminToken: config.demoAdminToken ?? generateToken(),
    memberToken: config.demoMemberToken ?? generateToken(),
  };
  if (!config.demoAdminToken || !config.demoMemberToken) {
    saveTokens(config.dataDir, {
      adminToken: config.demoAdminToken ? undefined : tokens.adminToken,
      memberToken: config.demoMemberToken ? undefined : tokens.memberToken,
    });
  }
  seedDemoOrganization(store, {
    events: config.demoEvents,
    seed: DEMO_SEED,
    now: Math.floor(Date.now() / 1000),
    ...tokens,
  });
  rememberDemoTokens(store, tokens);
}

/**
 * `DATA_DIR/audit.db`, seeded with the demo organizations first if there is none; throws
 * `UnusableDatabaseError` for a file that is there but unfinished: `openDemoStore(config)`.
 */
export function openDemoStore(config: ServerConfig): {
  store: AuditStore;
  seeded: boolean;
} {
  const dbFile = path.join(config.dataDir, 'audit.db');
  const seeded = !existsSync(dbFile);
  if (seeded) createDatabaseFile(dbFile, (store) => seedEmptyStore(store, config));
  return { store: openExistingStore(dbFile), seeded };
}

/** Updates the demo data of an opened store; returns the demo tokens it knows in plain text. */
export function prepareDemoData(store: AuditStore, config: ServerConfig): Partial<DemoTokens> {
  if (config.demoAdminToken) rotateDemoToken(store, 'admin', config.demoAdminToken);
  if (config.demoMemberToken) rotateDemoToken(store, 'member', config.demoMemberToken);
  const saved = readSavedTokens(config.dataDir);
  return {
    adminToken: config.demoAdminToken ?? saved.adminToken,
    memberToken: config.demoMemberToken ?? saved.memberToken,
  };
}

function describeToken(store: AuditStore, label: string, token: string | undefined): string {
  if (!token)
    return `  ${label}: (not known: set DEMO_${label.split(' ')[0]?.toUpperCase()}_TOKEN)`;
  const login = authenticateToken(store, token);
  const roles = login
    ? store.listMemberships(login).map(({ org, role }) => `${role} of ${org.name}`)
    : [];
  return `  ${label}: ${token}${login ? ` (${login}: ${roles.join(', ') || 'no organizations'})` : ''}`;
}

const planLabel = (store: AuditStore, org: { name: string; enterprise: boolean }) =>
  store.readPlan(org.name) === 'business-critical'
    ? ', Business Critical'
    : org.enterprise
      ? ', Enterprise'
      : '';

/** The banner lines after "listening on": demo tokens and organizations. */
export function describeDemoData(store: AuditStore, tokens: Partial<DemoTokens>): string[] {
  const orgs = store
    .listOrganizations()
    .map(
      (org) =>
        `  ${org.name} (${org.displayName}${planLabel(store, org)}): ${store.countEvents(org.name)} events`,
    );
  return [
    'Demo tokens:',
    describeToken(store, 'admin token', tokens.adminToken),
    describeToken(store, 'member token', tokens.memberToken),
    'Organizations:',
    ...orgs,
  ];
}
