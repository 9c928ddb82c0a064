/**
 * Organizations, users, memberships, tokens and settings: the small tables beside the events.
 */
import type Database from 'better-sqlite3';
import type { OrganizationRole } from '../../common/pulumi/wire-types.ts';

export interface Organization {
  name: string;
  displayName: string;
  enterprise: boolean;
}

export interface StoredUser {
  login: string;
  name: string;
  email: string;
  avatarPath: string;
}

export interface StoredToken {
  hash: string;
  login: string;
  name: string;
}

export interface Membership {
  org: Organization;
  role: OrganizationRole;
}

interface OrganizationRow {
  name: string;
  displayName: string;
  enterprise: number;
}

const toOrganization = (row: OrganizationRow): Organization => ({
  ...row,
  enterprise: row.enterprise === 1,
});

const ORG_COLUMNS = 'o.name, o.display_name AS displayName, o.enterprise';

/** Prepares the directory statements and returns the store methods built on them. */
export function prepareDirectoryStatements(db: Database.Database) {
  const s = {
    upsertOrg: db.prepare(`INSERT INTO organizations (name, display_name, enterprise)
      VALUES (@name, @displayName, @enterprise) ON CONFLICT (name) DO UPDATE
      SET display_name = excluded.display_name, enterprise = excluded.enterprise`),
    upsertUser: db.prepare(`INSERT INTO users (login, name, email, avatar_path)
      VALUES (@login, @name, @email, @avatarPath) ON CONFLICT (login) DO UPDATE
      SET name = excluded.name, email = excluded.email, avatar_path = excluded.avatar_path`),
    setMembership: db.prepare(`INSERT INTO memberships (org, login, role) VALUES (?, ?, ?)
      ON CONFLICT (org, login) DO UPDATE SET role = excluded.role`),
    setToken: db.prepare(`INSERT INTO tokens (hash, login, name) VALUES (@hash, @login, @name)
      ON CONFLICT (hash) DO UPDATE SET login = excluded.login, name = excluded.name`),
    findToken: db.prepare<[string], StoredToken>(
      'SELECT hash, login, name FROM tokens WHERE hash = ?',
    ),
    replaceTokenHash: db.prepare('UPDATE tokens SET hash = ? WHERE login = ? AND name = ?'),
    findUser: db.prepare<[string], StoredUser>(
      'SELECT login, name, email, avatar_path AS avatarPath FROM users WHERE login = ?',
    ),
    findOrg: db.prepare<[string], OrganizationRow>(
      `SELECT ${ORG_COLUMNS} FROM organizations o WHERE o.name = ?`,
    ),
    listOrgs: db.prepare<[], OrganizationRow>(
      `SELECT ${ORG_COLUMNS} FROM organizations o ORDER BY o.name`,
    ),
    findRole: db.prepare<[string, string], { role: OrganizationRole }>(
      'SELECT role FROM memberships WHERE org = ? AND login = ?',
    ),
    listMemberships: db.prepare<[string], OrganizationRow & { role: OrganizationRole }>(
      `SELECT ${ORG_COLUMNS}, m.role FROM memberships m JOIN organizations o ON o.name = m.org
       WHERE m.login = ? ORDER BY o.name`,
    ),
    readSetting: db.prepare<[string], { value: string }>(
      'SELECT value FROM settings WHERE key = ?',
    ),
    writeSetting: db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
  };
  return {
    upsertOrganization: (org: Organization) => {
      s.upsertOrg.run({ ...org, enterprise: org.enterprise ? 1 : 0 });
    },
    upsertUser: (user: StoredUser) => void s.upsertUser.run(user),
    setMembership: (org: string, login: string, role: OrganizationRole) =>
      void s.setMembership.run(org, login, role),
    setToken: (token: StoredToken) => void s.setToken.run(token),
    findToken: (hash: string) => s.findToken.get(hash),
    replaceTokenHash: (login: string, name: string, hash: string) =>
      s.replaceTokenHash.run(hash, login, name).changes > 0,
    findUser: (login: string) => s.findUser.get(login),
    findOrganization: (name: string) => {
      const row = s.findOrg.get(name);
      return row && toOrganization(row);
    },
    listOrganizations: () => s.listOrgs.all().map(toOrganization),
    findRole: (org: string, login: string) => s.findRole.get(org, login)?.role,
    listMemberships: (login: string): Membership[] =>
      s.listMemberships.all(login).map(({ role, ...org }) => ({ org: toOrganization(org), role })),
    readSetting: (key: string) => s.readSetting.get(key)?.value,
    writeSetting: (key: string, value: string) => void s.writeSetting.run(key, value),
  };
}
