/**
 * The check of `GET /api/user` (and of sign-in, which answers the same user) at the boundary.
 * Lenient where Pulumi may omit things: a user who belongs to no organization may come without
 * `organizations`, and display fields may be missing; a role the console does not know reads as
 * `none`, which opens nothing.
 */
import { InvalidAnswerError, isJsonObject } from '../../../../common/pulumi/invalid-answer.ts';
import type {
  CurrentUser,
  OrganizationRole,
  OrganizationSummaryWithRole,
} from '../../../../common/pulumi/wire-types.ts';

const ROLES: ReadonlySet<string> = new Set<OrganizationRole>([
  'none',
  'member',
  'admin',
  'potential-member',
  'stack-collaborator',
  'billing-manager',
]);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function checkOrganization(value: unknown, index: number): OrganizationSummaryWithRole {
  if (!isJsonObject(value) || typeof value.githubLogin !== 'string' || !value.githubLogin) {
    throw new InvalidAnswerError(`organization ${index} has no login`);
  }
  const role = typeof value.role === 'string' && ROLES.has(value.role) ? value.role : 'none';
  return {
    name: text(value.name) || value.githubLogin,
    githubLogin: value.githubLogin,
    avatarUrl: text(value.avatarUrl),
    role: role as OrganizationRole,
  };
}

/**
 * Checks the current user: `checkCurrentUser({githubLogin: 'kim'}).organizations` → `[]`;
 * throws `InvalidAnswerError` for anything without a login.
 */
export function checkCurrentUser(body: unknown): CurrentUser {
  if (!isJsonObject(body) || typeof body.githubLogin !== 'string' || !body.githubLogin) {
    throw new InvalidAnswerError('the current user has no login');
  }
  const organizations = body.organizations ?? [];
  if (!Array.isArray(organizations)) throw new InvalidAnswerError('organizations is not a list');
  return {
    id: text(body.id),
    name: text(body.name),
    githubLogin: body.githubLogin,
    avatarUrl: text(body.avatarUrl),
    email: text(body.email),
    organizations: organizations.map(checkOrganization),
  };
}
