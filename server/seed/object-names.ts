/**
 * Names of the things events talk about (stacks, teams, environments, policy packs, …), one pool
 * per template slot. A few values carry commas and quotes on purpose: real names do, and the
 * CSV and CEF encoders must meet them.
 */
export type SlotPools = Readonly<Record<string, readonly string[]>>;

const ACME_PROJECTS = [
  'payments-api',
  'web',
  'checkout',
  'infra-core',
  'data-pipeline',
  'identity',
];
const ACME_MORE_PROJECTS = ['search', 'mobile-backend', 'observability', 'k8s-platform'];
const ACME_STACKS = ['prod', 'staging', 'dev', 'eu-west-1'];

/** Every `org/project/stack` combination: `stackNames('acme', ['web'], ['prod'])` → `['acme/web/prod']`. */
export function stackNames(
  org: string,
  projects: readonly string[],
  stacks: readonly string[],
): string[] {
  return projects.flatMap((project) => stacks.map((stack) => `${org}/${project}/${stack}`));
}

/** Stacks that CI deploys on every merge: the ones bursts of updates come from. */
export const ACME_CI_STACKS = stackNames('acme', ACME_PROJECTS, ['prod', 'staging', 'dev']);
export const HOBBY_CI_STACKS = stackNames('hobby', ['blog', 'home-lab'], ['prod', 'dev']);

/** Pools every org shares: values that do not name the org's own things. */
const COMMON: SlotPools = {
  identity: ['GitHub', 'GitLab', 'SAML SSO', 'email', 'Bitbucket'],
  stackAction: ['write access', 'admin access', 'a stack update', 'reading secrets'],
  stackPermission: ['read', 'write', 'admin'],
  changes: [
    '1 updated',
    '3 created, 2 updated',
    '14 created',
    '2 updated, 1 deleted',
    'no changes',
  ],
  orgRole: ['member', 'member', 'admin', 'billing-manager'],
  roleChange: [
    'from "member" to "admin"',
    'from "admin" to "member"',
    'from "member" to "billing-manager"',
  ],
  plan: ['Team', 'Enterprise', 'Business Critical'],
  days: ['7', '14', '30'],
  revision: ['3', '12', '27', '41', '58', '102'],
  version: ['0.1.0', '1.0.0', '1.4.2', '2.0.0-beta.1', '3.11.0'],
  number: ['12', '57', '143', '208'],
  count: ['2', '4', '9', '17', '36'],
  credits: ['500', '1,000', '2,500'],
  cron: ['0 6 * * 1-5', '*/30 * * * *', '0 2 * * 0', '15 3 1 * *'],
  scheduleKind: ['drift detection run', 'TTL destroy', '`pulumi up`', 'refresh'],
  cloudProvider: ['AWS', 'Azure', 'Google Cloud', 'Vault'],
  revTag: ['stable', 'approved', 'v1.4.0', 'pre-release'],
  tagName: ['owner', 'cost-center', 'runbook', 'tier'],
  tagValue: [
    'platform',
    'cc-4711',
    'https://wiki.acme.example/runbooks/payments',
    'tier-1, customer facing',
  ],
  setting: [
    'Default stack permission',
    'Members can create stacks',
    'Require approval, 2 reviewers',
  ],
  enforcement: ['advisory', 'mandatory', 'remediate'],
  agentCli: ['Claude Code', 'Cursor', 'GitHub Copilot CLI'],
  integration: ['Slack', 'GitHub', 'Jira', 'PagerDuty'],
  provider: ['Anthropic', 'Amazon Bedrock', 'Azure OpenAI'],
  backend: ['GitHub', 'GitLab', 'SAML SSO', 'Pulumi'],
};

/** The acme pools: a busy platform organization. */
export const ACME_POOLS: SlotPools = {
  ...COMMON,
  stack: [...ACME_CI_STACKS, ...stackNames('acme', ACME_MORE_PROJECTS, ACME_STACKS)],
  legacyStack: ['acme/legacy-web/prod', 'acme/monolith/staging', 'acme/payments/old-prod'],
  personalStack: ['jdoe/scratch/dev', 'kim/eks-spike/dev', 'ppatel/lambda-demo/test'],
  team: ['platform', 'payments', 'data', 'sre', 'security', 'frontend', 'Sales, EMEA', 'mobile'],
  env: [
    'payments/prod',
    'payments/staging',
    'shared/aws-prod',
    'shared/github',
    'web/dev',
    'data/snowflake',
  ],
  envClone: ['payments/prod-copy', 'web/dev-kim', 'shared/aws-sandbox'],
  token: ['github-actions-deploy', 'platform-ci', 'terraform-migration', 'backstage-readonly'],
  oidc: ['github-actions', 'gitlab.acme.example', 'circleci', 'aws-eks-prod'],
  pool: ['default', 'eks-private', 'gpu-runners'],
  role: ['Stack Deployer', 'Read-only Auditor', 'Environment Editor', 'Release Manager'],
  email: ['new.hire@acme.example', 'contractor@partner.example', 'intern@acme.example'],
  service: ['checkout-platform', 'identity-service', 'data-lake'],
  gate: ['prod approval', 'two reviewers', 'change window, Tue–Thu'],
  policyGroup: ['default-policy-group', 'production', 'pci-scope'],
  policyPack: ['aws-compliance-ready', 'acme-security-baseline', 'kubernetes-best-practices'],
  cloudAccount: [
    'aws-prod (123456789012)',
    'aws-sandbox (210987654321)',
    'azure-acme-main',
    'gcp-data',
  ],
  template: ['acme/aws-ts-service', 'acme/static-site', 'pulumi/kubernetes-go'],
  package: ['acme/vpc', 'acme/eks-cluster', 'acme/static-website'],
  module: ['acme/rds/aws', 'acme/network/azurerm'],
  cmk: ['alias/pulumi-acme-state', 'arn:aws:kms:us-east-1:123456789012:key/mrk-1f2e3d'],
  task: [
    'Upgrade EKS to 1.31',
    'Why did acme/payments-api/prod drift?',
    'Tag all S3 buckets with owner, then open a PR',
    'Rename the "legacy-web" stacks',
  ],
  githubOrg: ['acme-corp', 'acme-labs'],
};

/** The hobby pools: one person's side projects. */
export const HOBBY_POOLS: SlotPools = {
  ...COMMON,
  stack: HOBBY_CI_STACKS,
  legacyStack: ['hobby/old-blog/prod'],
  personalStack: ['demo-admin/playground/dev'],
  team: ['friends'],
  env: ['blog/prod', 'home-lab/secrets'],
  envClone: ['blog/staging'],
  token: ['hobby-ci'],
  oidc: ['github-actions'],
  pool: ['default'],
  role: ['Deployer'],
  email: ['friend@hobby.example'],
  service: ['blog'],
  gate: ['self review'],
  policyGroup: ['default-policy-group'],
  policyPack: ['aws-compliance-ready'],
  cloudAccount: ['aws-personal (111122223333)'],
  template: ['pulumi/static-website-aws-typescript'],
  package: ['hobby/static-site'],
  module: ['hobby/dns/cloudflare'],
  cmk: ['alias/hobby-state'],
  task: ['Make the blog cheaper to run'],
  githubOrg: ['alex-rivera'],
};
