/**
 * Description templates for discovery (Insights), Neo and registry events (slots as in
 * templates-access.ts). The `insights-*` ids are the deprecated names of the `cloud-account-*`
 * and `discovery-*` ones, so their sentences say "Insights".
 */
import type { TemplateTable } from './templates-access.ts';

export const PLATFORM_TEMPLATES: TemplateTable = {
  'cloud-account-created': 'User "{actor}" added the cloud account "{cloudAccount}" for discovery.',
  'cloud-account-deleted': 'User "{actor}" removed the cloud account "{cloudAccount}".',
  'cloud-account-scan-canceled': 'A scan of the cloud account "{cloudAccount}" was canceled.',
  'cloud-account-scan-started': 'A scan of the cloud account "{cloudAccount}" started.',
  'cloud-account-scheduled-scans-paused':
    'User "{actor}" paused scheduled scans of the cloud account "{cloudAccount}".',
  'cloud-account-scheduled-scans-resumed':
    'User "{actor}" resumed scheduled scans of the cloud account "{cloudAccount}".',
  'cloud-account-tags-updated':
    'User "{actor}" updated the tags of the cloud account "{cloudAccount}".',
  'cloud-account-updated':
    'User "{actor}" updated the credentials of the cloud account "{cloudAccount}".',
  'discovery-trial-billing-accepted': 'User "{actor}" accepted billing for the discovery trial.',
  'discovery-trial-billing-denied': 'User "{actor}" declined billing for the discovery trial.',
  'insights-account-created': 'User "{actor}" created the Insights account "{cloudAccount}".',
  'insights-account-deleted': 'User "{actor}" deleted the Insights account "{cloudAccount}".',
  'insights-account-scan-canceled': 'A scan of the Insights account "{cloudAccount}" was canceled.',
  'insights-account-scan-started': 'A scan of the Insights account "{cloudAccount}" started.',
  'insights-account-scheduled-scans-paused':
    'User "{actor}" paused scheduled scans of the Insights account "{cloudAccount}".',
  'insights-account-scheduled-scans-resumed':
    'User "{actor}" resumed scheduled scans of the Insights account "{cloudAccount}".',
  'insights-account-tags-updated':
    'User "{actor}" updated the tags of the Insights account "{cloudAccount}".',
  'insights-account-updated': 'User "{actor}" updated the Insights account "{cloudAccount}".',
  'insights-trial-billing-accepted': 'User "{actor}" accepted billing for the Insights trial.',
  'insights-trial-billing-denied': 'User "{actor}" declined billing for the Insights trial.',

  'agent-cli-integration-connected':
    'User "{actor}" connected the agent CLI integration "{agentCli}".',
  'agent-cli-integration-disconnected':
    'User "{actor}" disconnected the agent CLI integration "{agentCli}".',
  'agent-cli-integration-updated': 'User "{actor}" updated the agent CLI integration "{agentCli}".',
  'agent-integration-disabled': 'User "{actor}" disabled the Neo integration with {integration}.',
  'agent-integration-enabled': 'User "{actor}" enabled the Neo integration with {integration}.',
  'agent-model-provider-created': 'User "{actor}" added the model provider "{provider}".',
  'agent-model-provider-default-changed':
    'User "{actor}" made "{provider}" the default model provider.',
  'agent-model-provider-deleted': 'User "{actor}" removed the model provider "{provider}".',
  'agent-model-provider-updated':
    'User "{actor}" updated the credentials of the model provider "{provider}".',
  'agent-task-created': 'User "{actor}" created the Neo task "{task}".',
  'agent-task-deleted': 'User "{actor}" deleted the Neo task "{task}".',
  'agent-task-shared': 'User "{actor}" shared the Neo task "{task}" with the organization.',
  'agent-task-unshared': 'User "{actor}" stopped sharing the Neo task "{task}".',
  'agent-task-updated': 'User "{actor}" continued the Neo task "{task}".',
  'neo-member-usage-cap-cleared': 'User "{actor}" cleared the Neo usage cap of "{member}".',
  'neo-member-usage-cap-updated':
    'User "{actor}" set the Neo usage cap of "{member}" to {credits} credits a month.',
  'neo-slack-identity-connected': 'User "{actor}" connected their Slack identity to Neo.',
  'neo-slack-identity-disconnected': 'User "{actor}" disconnected their Slack identity from Neo.',
  'neo-usage-cap-cleared': 'User "{actor}" cleared the Neo usage cap of the organization "{org}".',
  'neo-usage-cap-updated':
    'User "{actor}" set the Neo usage cap of the organization "{org}" to {credits} credits a month.',

  'registry-package-version-deleted':
    'User "{actor}" deleted version {version} of the package "{package}".',
  'registry-package-version-initialized':
    'Version {version} of the package "{package}" was initialized.',
  'registry-package-version-published':
    'Version {version} of the package "{package}" was published.',
  'registry-template-version-deleted':
    'User "{actor}" deleted version {version} of the template "{template}".',
  'registry-template-version-initialized':
    'Version {version} of the template "{template}" was initialized.',
  'registry-template-version-published':
    'Version {version} of the template "{template}" was published.',
  'registry-terraform-module-created': 'User "{actor}" created the Terraform module "{module}".',
  'registry-terraform-module-deleted': 'User "{actor}" deleted the Terraform module "{module}".',
  'registry-terraform-module-version-deleted':
    'User "{actor}" deleted version {version} of the Terraform module "{module}".',
  'registry-terraform-module-version-initialized':
    'Version {version} of the Terraform module "{module}" was initialized.',
  'registry-terraform-module-version-published':
    'Version {version} of the Terraform module "{module}" was published.',
};
