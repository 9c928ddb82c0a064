/**
 * Description templates for stacks, deployments, environments and policy events (slots as in
 * templates-access.ts).
 */
import type { TemplateTable } from './templates-access.ts';

export const INFRASTRUCTURE_TEMPLATES: TemplateTable = {
  'secret-decrypted': 'User "{actor}" decrypted a secret in the stack "{stack}".',
  'secrets-batch-decrypted': 'A batch of {count} secrets was decrypted in the stack "{stack}".',
  'stack-collaborator-added':
    'User "{actor}" added "{member}" as a collaborator on the stack "{stack}" with {stackPermission} permission.',
  'stack-collaborator-permissions-changed':
    'User "{actor}" changed the permission of "{member}" on the stack "{stack}" to {stackPermission}.',
  'stack-collaborator-removed':
    'User "{actor}" removed "{member}" as a collaborator on the stack "{stack}".',
  'stack-created': 'User "{actor}" created the stack "{stack}".',
  'stack-created-from-template':
    'User "{actor}" created the stack "{stack}" from the template "{template}".',
  'stack-deleted': 'User "{actor}" deleted the stack "{stack}".',
  'stack-exported': 'User "{actor}" exported the state of the stack "{stack}".',
  'stack-imported': 'User "{actor}" imported a state file into the stack "{stack}".',
  'stack-outputs-read': 'The outputs of the stack "{stack}" were read.',
  'stack-provider-open': 'The environment "{env}" read the outputs of the stack "{stack}".',
  'stack-renamed': 'User "{actor}" renamed the stack "{legacyStack}" to "{stack}".',
  'stack-transferred-to-organization':
    'User "{actor}" transferred the stack "{personalStack}" to the organization "{org}".',
  'stack-update-canceled': 'The update of the stack "{stack}" was canceled.',
  'stack-update-completed': [
    'Stack "{stack}" was updated.',
    'Stack "{stack}" was updated: {changes}.',
  ],
  'stack-update-started': 'Stack "{stack}" update started.',

  'deployment-runner-pool-created': 'User "{actor}" created the deployment runner pool "{pool}".',
  'deployment-runner-pool-deleted': 'User "{actor}" deleted the deployment runner pool "{pool}".',
  'deployment-settings-role-updated':
    'User "{actor}" changed the role that Pulumi Deployments uses for the stack "{stack}" to "{role}".',
  'organization-deployments-paused':
    'User "{actor}" paused all Pulumi Deployments in the organization "{org}".',
  'organization-deployments-resumed':
    'User "{actor}" resumed Pulumi Deployments in the organization "{org}".',
  'scheduled-deployment-created':
    'User "{actor}" scheduled a {scheduleKind} of the stack "{stack}" at "{cron}".',
  'scheduled-deployment-deleted':
    'User "{actor}" deleted the scheduled {scheduleKind} of the stack "{stack}".',
  'scheduled-deployment-updated':
    'User "{actor}" moved the scheduled {scheduleKind} of the stack "{stack}" to "{cron}".',
  'stack-deployments-paused': 'User "{actor}" paused deployments of the stack "{stack}".',
  'stack-deployments-resumed': 'User "{actor}" resumed deployments of the stack "{stack}".',

  'environment-cloned': 'User "{actor}" cloned the environment "{env}" to "{envClone}".',
  'environment-created': 'User "{actor}" created the environment "{env}".',
  'environment-decrypted': 'User "{actor}" decrypted the definition of the environment "{env}".',
  'environment-deleted': 'User "{actor}" deleted the environment "{envClone}".',
  'environment-deletion-protection-disabled':
    'User "{actor}" disabled deletion protection of the environment "{env}".',
  'environment-deletion-protection-enabled':
    'User "{actor}" enabled deletion protection of the environment "{env}".',
  'environment-draft-open':
    'User "{actor}" opened the draft change request #{number} of the environment "{env}".',
  'environment-draft-read-open':
    'User "{actor}" read the resolved values of draft #{number} of the environment "{env}".',
  'environment-oidc-token-issued':
    'The environment "{env}" was issued an OIDC token for {cloudProvider}.',
  'environment-open': 'The environment "{env}" was opened.',
  'environment-read': 'User "{actor}" read the definition of the environment "{env}".',
  'environment-read-open': 'User "{actor}" read the resolved values of the environment "{env}".',
  'environment-restored': 'User "{actor}" restored the environment "{env}" to revision {revision}.',
  'environment-revision-retracted':
    'User "{actor}" retracted revision {revision} of the environment "{env}".',
  'environment-revision-tag-created':
    'User "{actor}" tagged revision {revision} of the environment "{env}" as "{revTag}".',
  'environment-revision-tag-delete':
    'User "{actor}" deleted the revision tag "{revTag}" of the environment "{env}".',
  'environment-revision-tag-open':
    'The environment "{env}" was opened at the revision tag "{revTag}".',
  'environment-revision-tag-read':
    'User "{actor}" read the revision tag "{revTag}" of the environment "{env}".',
  'environment-revision-tag-update':
    'User "{actor}" moved the revision tag "{revTag}" of the environment "{env}" to revision {revision}.',
  'environment-rotated': 'The secrets of the environment "{env}" were rotated.',
  'environment-schedule-created':
    'User "{actor}" created the rotation schedule "{cron}" for the environment "{env}".',
  'environment-schedule-deleted':
    'User "{actor}" deleted the rotation schedule of the environment "{env}".',
  'environment-schedule-updated':
    'User "{actor}" changed the rotation schedule of the environment "{env}" to "{cron}".',
  'environment-tag-created':
    'User "{actor}" added the tag "{tagName}" = "{tagValue}" to the environment "{env}".',
  'environment-tag-deleted':
    'User "{actor}" deleted the tag "{tagName}" of the environment "{env}".',
  'environment-tag-updated':
    'User "{actor}" set the tag "{tagName}" of the environment "{env}" to "{tagValue}".',
  'environment-unauthorized-open':
    'User "{actor}" tried to open the environment "{env}" without permission.',
  'environment-updated': 'User "{actor}" updated the environment "{env}" (revision {revision}).',

  'change-gate-created':
    'User "{actor}" created the change gate "{gate}" on the environment "{env}".',
  'change-gate-deleted':
    'User "{actor}" deleted the change gate "{gate}" of the environment "{env}".',
  'change-gate-updated':
    'User "{actor}" updated the change gate "{gate}" of the environment "{env}".',
  'policy-group-created': 'User "{actor}" created the policy group "{policyGroup}".',
  'policy-group-deleted': 'User "{actor}" deleted the policy group "{policyGroup}".',
  'policy-group-updated':
    'User "{actor}" added the stack "{stack}" to the policy group "{policyGroup}".',
  'policy-pack-created':
    'User "{actor}" published version {version} of the policy pack "{policyPack}".',
  'policy-pack-deleted': 'User "{actor}" deleted the policy pack "{policyPack}".',
  'policy-pack-disabled':
    'User "{actor}" disabled the policy pack "{policyPack}" for the policy group "{policyGroup}".',
  'policy-pack-enabled':
    'User "{actor}" enabled the policy pack "{policyPack}" for the policy group "{policyGroup}", enforcement level "{enforcement}".',
};
