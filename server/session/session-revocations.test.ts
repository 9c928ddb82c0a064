import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditStore } from '../store/audit-store.ts';
import { memoryRevocations, storeRevocations } from './session-revocations.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('session revocations', () => {
  it('are kept in the database across a restart, until they expire', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'revocations-'));
    dirs.push(dir);
    const file = path.join(dir, 'audit.db');
    const first = openAuditStore(file);
    storeRevocations(first).revoke('s1', 5_000, 1_000);
    first.close();

    const reopened = openAuditStore(file);
    const revocations = storeRevocations(reopened);
    expect(revocations.isRevoked('s1', 4_999)).toBe(true);
    expect(revocations.isRevoked('s1', 5_000)).toBe(false);
    expect(revocations.isRevoked('s2', 1_000)).toBe(false);
    reopened.close();
  });

  it('in memory, forget sessions that could no longer be used anyway', () => {
    const revocations = memoryRevocations();
    revocations.revoke('a', 2_000, 1_000);
    expect(revocations.isRevoked('a', 1_500)).toBe(true);
    revocations.revoke('b', 9_000, 3_000);
    expect(revocations.isRevoked('a', 1_500)).toBe(false);
    expect(revocations.isRevoked('b', 8_999)).toBe(true);
  });
});
