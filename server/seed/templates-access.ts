/**
 * Description templates for authentication, access tokens, organization, teams, encryption and
 * integrations events. `{slot}` names a pool in object-names.ts; `{actor}` is the acting login,
 * `{member}` another person's login and `{org}` the organization.
 */
export type TemplateTable = Readonly<Record<string, string | readonly string[]>>;

export const ACCESS_TEMPLATES: TemplateTable = {
  'auth-failure-change-request':
    'User "{actor}" was denied approving change request #{number}: insufficient permissions.',
  'auth-failure-cloud-account':
    'User "{actor}" was denied access to the cloud account "{cloudAccount}".',
  'auth-failure-environment': 'User "{actor}" was denied opening the environment "{env}".',
  'auth-failure-insights-account':
    'User "{actor}" was denied access to the Insights account "{cloudAccount}".',
  'auth-failure-organization-role':
    'User "{actor}" attempted an action that requires the organization admin role.',
  'auth-failure-scim-access-token':
    'A SCIM request was rejected: the SCIM access token is invalid or expired.',
  'auth-failure-stack-permission':
    'User "{actor}" was denied {stackAction} on the stack "{stack}".',
  'authorization-policy-updated':
    'User "{actor}" updated the authorization policy of the organization "{org}".',
  'oidc-issuer-deleted': 'User "{actor}" deleted the OIDC issuer "{oidc}".',
  'oidc-issuer-registered': 'User "{actor}" registered the OIDC issuer "{oidc}".',
  'oidc-issuer-updated': 'User "{actor}" updated the trust policy of the OIDC issuer "{oidc}".',
  'oidc-issuer-validation-failed':
    'A token from the OIDC issuer "{oidc}" failed validation: the audience did not match.',
  'saml-configuration-updated':
    'User "{actor}" updated the SAML SSO configuration of the organization "{org}".',
  'user-added-new-identity-to-their-account':
    'User "{actor}" added a {identity} identity to their account.',
  'user-login': 'User "{actor}" logged in with {identity}.',
  'user-login-failed': 'Login failed for user "{actor}": invalid credentials.',

  'deployment-runner-token-created-for-oidc-issuer':
    'A deployment runner token for the pool "{pool}" was issued through the OIDC issuer "{oidc}".',
  'organization-token-created': 'User "{actor}" created the organization access token "{token}".',
  'organization-token-created-for-oidc-issuer':
    'An organization access token was issued through the OIDC issuer "{oidc}".',
  'organization-token-deleted': 'User "{actor}" deleted the organization access token "{token}".',
  'personal-token-created-for-oidc-issuer':
    'A personal access token for "{actor}" was issued through the OIDC issuer "{oidc}".',
  'team-token-created': 'User "{actor}" created the access token "{token}" for the team "{team}".',
  'team-token-created-for-oidc-issuer':
    'A team access token for "{team}" was issued through the OIDC issuer "{oidc}".',
  'team-token-deleted': 'User "{actor}" deleted the access token "{token}" of the team "{team}".',

  'custom-role-created': 'User "{actor}" created the custom role "{role}".',
  'custom-role-deleted': 'User "{actor}" deleted the custom role "{role}".',
  'custom-role-updated': 'User "{actor}" changed the permissions of the custom role "{role}".',
  'member-added':
    'User "{actor}" added "{member}" to the organization "{org}" with the role "{orgRole}".',
  'member-removed': 'User "{actor}" removed "{member}" from the organization "{org}".',
  'member-role-changed': 'User "{actor}" changed the role of "{member}" {roleChange}.',
  'org-downgraded-to-free':
    'User "{actor}" downgraded the organization "{org}" to the Individual plan.',
  'org-plan-migrated': 'The organization "{org}" was migrated to the {plan} plan.',
  'org-upgraded-to-pro': 'User "{actor}" upgraded the organization "{org}" to the Team plan.',
  'organization-backend-changed':
    'User "{actor}" changed the identity backend of the organization "{org}" to {backend}.',
  'organization-deployment-default-role-updated':
    'User "{actor}" set the default role of Pulumi Deployments in "{org}" to "{role}".',
  'organization-invite-accepted':
    'User "{actor}" accepted the invitation to join the organization "{org}".',
  'organization-invite-canceled': 'User "{actor}" canceled the invitation sent to "{email}".',
  'organization-invite-sent': 'User "{actor}" invited "{email}" to join the organization "{org}".',
  'organization-settings-changed':
    'User "{actor}" changed the setting "{setting}" of the organization "{org}".',
  'retrial-ended': 'The trial of the organization "{org}" ended.',
  'retrial-expiration-updated':
    'User "{actor}" extended the trial of the organization "{org}" by {days} days.',
  'retrial-started': 'User "{actor}" started a new trial for the organization "{org}".',
  'service-created': 'User "{actor}" created the service "{service}".',
  'service-deleted': 'User "{actor}" deleted the service "{service}".',
  'service-updated': 'User "{actor}" updated the owners of the service "{service}".',

  'team-created': 'User "{actor}" created the team "{team}".',
  'team-deleted': 'User "{actor}" deleted the team "{team}".',
  'team-updated': [
    'User "{actor}" added "{member}" to the team "{team}".',
    'User "{actor}" removed "{member}" from the team "{team}".',
    'User "{actor}" gave the team "{team}" {stackPermission} access to the stack "{stack}".',
  ],

  'customer-managed-key-added': 'User "{actor}" added the customer-managed key "{cmk}".',
  'customer-managed-key-disabled': 'User "{actor}" disabled the customer-managed key "{cmk}".',
  'customer-managed-key-disabled-all':
    'User "{actor}" disabled all customer-managed keys of the organization "{org}".',
  'customer-managed-key-set-default':
    'User "{actor}" made "{cmk}" the default customer-managed key.',

  'vcs-github-installation-linked':
    'User "{actor}" linked the GitHub App installation of "{githubOrg}" to "{org}".',
};
