/**
 * `GET /api/user` for the embedded service: the token's user and their organizations, in the
 * shape of Pulumi's `User` schema (openapi-users.yml).
 */
import type { CurrentUser } from '../../common/pulumi/wire-types.ts';
import { authenticateToken } from '../auth/authenticate.ts';
import type { UserLookup } from '../auth/user-lookup.ts';
import { errorBody, MESSAGES } from '../http/pulumi-error.ts';
import type { AuditStore } from '../store/audit-store.ts';
import { avatarUrl } from './event-json.ts';

/** The full `User` payload: `CurrentUser` plus the fields the schema requires. */
export interface ApiUser extends CurrentUser {
  hasMFA: boolean;
  identities: string[];
  isManagedByMultiOrg: boolean;
  isOrgManaged: boolean;
}

/** The `User` payload of a login known to the store, or undefined. */
export function buildCurrentUser(
  store: AuditStore,
  login: string,
  origin: string,
): ApiUser | undefined {
  const user = store.findUser(login);
  if (!user) return undefined;
  return {
    // The login is unique and stable here, so it doubles as the id.
    id: user.login,
    name: user.name,
    githubLogin: user.login,
    avatarUrl: avatarUrl(user.avatarPath, user.login, origin),
    email: user.email,
    hasMFA: false,
    identities: ['Pulumi'],
    isManagedByMultiOrg: false,
    isOrgManaged: false,
    organizations: store.listMemberships(login).map(({ org, role }) => ({
      name: org.name,
      githubLogin: org.name,
      avatarUrl: avatarUrl(null, org.name, origin),
      role,
    })),
  };
}

/** The embedded service's answer to "who is this token?". */
export function localUserLookup(store: AuditStore): UserLookup {
  return async (token, origin) => {
    const login = authenticateToken(store, token);
    const user = login === undefined ? undefined : buildCurrentUser(store, login, origin);
    if (!user) return { ok: false, status: 401, error: errorBody(401, MESSAGES.unauthorized) };
    return { ok: true, user };
  };
}
