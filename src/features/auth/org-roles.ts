import type {
  CurrentUser,
  OrganizationRole,
  OrganizationSummaryWithRole,
} from '../../../common/pulumi/wire-types.ts';

export const ROLE_LABELS: Record<OrganizationRole, string> = {
  admin: 'Admin',
  member: 'Member',
  none: 'No role',
  'potential-member': 'Invited',
  'stack-collaborator': 'Stack collaborator',
  'billing-manager': 'Billing manager',
};

/** The organizations whose audit log this user may read. */
export function adminOrganizations(user: CurrentUser): OrganizationSummaryWithRole[] {
  return user.organizations.filter((org) => org.role === 'admin');
}

/** Finds an org by name, ignoring case as Pulumi does: `findOrganization(user, 'ACME')`. */
export function findOrganization(
  user: CurrentUser,
  name: string,
): OrganizationSummaryWithRole | undefined {
  const wanted = name.toLowerCase();
  return user.organizations.find(
    (org) => org.githubLogin.toLowerCase() === wanted || org.name.toLowerCase() === wanted,
  );
}
