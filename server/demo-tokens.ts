/**
 * The demo organization's two tokens. Given in the environment, they are used as is (and replace
 * older hashes in an existing database); otherwise they are generated at the first seed and kept
 * in plain text only in `$DATA_DIR/demo-tokens.json` (mode 0600) so every start can print them.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './atomic-file.ts';
import { hashToken } from './auth/hash-token.ts';
import type { AuditStore } from './store/audit-store.ts';

export interface DemoTokens {
  adminToken: string;
  memberToken: string;
}

export type DemoRole = 'admin' | 'member';

const TOKENS_FILE = 'demo-tokens.json';
const settingKey = (role: DemoRole) => `demo-token:${role}`;

/** A fresh token in Pulumi's format: `pul-` and 40 hex digits. */
export function generateToken(): string {
  return `pul-${randomBytes(20).toString('hex')}`;
}

/** The generated tokens saved by the first start (tokens from the environment are not saved). */
export function readSavedTokens(dataDir: string): Partial<DemoTokens> {
  const file = path.join(dataDir, TOKENS_FILE);
  if (!existsSync(file)) return {};
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { adminToken: text(saved.adminToken), memberToken: text(saved.memberToken) };
}

export function saveTokens(dataDir: string, tokens: Partial<DemoTokens>): void {
  writeFileAtomically(path.join(dataDir, TOKENS_FILE), `${JSON.stringify(tokens, null, 2)}\n`, {
    mode: 0o600,
    replace: true,
  });
}

/** After seeding: remember which token rows are the demo ones, to rotate them later. */
export function rememberDemoTokens(store: AuditStore, tokens: DemoTokens): void {
  for (const [role, token] of [
    ['admin', tokens.adminToken],
    ['member', tokens.memberToken],
  ] as const) {
    const stored = store.findToken(hashToken(token));
    if (stored)
      store.writeSetting(
        settingKey(role),
        JSON.stringify({ login: stored.login, name: stored.name }),
      );
  }
}

/** Points a remembered demo token at a new plain token unless it already matches. */
export function rotateDemoToken(store: AuditStore, role: DemoRole, token: string): void {
  const hash = hashToken(token);
  if (store.findToken(hash)) return;
  const remembered = store.readSetting(settingKey(role));
  if (!remembered) return;
  const { login, name } = JSON.parse(remembered) as { login: string; name: string };
  store.replaceTokenHash(login, name, hash);
}
