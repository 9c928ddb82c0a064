/**
 * Who acts in each demo organization. People act as themselves. Machine actors (CI and
 * Pulumi Deployments using organization or team tokens) have no person behind them, so their
 * events carry the organization's service user (login = the org's name, e.g. `acme`) together
 * with tokenID, tokenName, actorName and actorUrn; filtering by user `acme` shows all automation.
 */
import { DEMO_PEOPLE, type DemoPerson } from './demo-people.ts';
import { createDescriber, type DescribeEvent } from './describe-event.ts';
import {
  ACME_CI_STACKS,
  ACME_POOLS,
  HOBBY_CI_STACKS,
  HOBBY_POOLS,
  type SlotPools,
} from './object-names.ts';
import { hashString } from '../../common/text/hash-string.ts';
import { stableUuid } from './prng.ts';
import { sourceIPsFor } from './source-ips.ts';

export interface SeedActor {
  login: string;
  sourceIPs: readonly string[];
  utcOffsetSeconds: number;
  admin: boolean;
  /** A person's personal token (used from the CLI) or a machine's org/team token. */
  token: { id: string; name: string };
  /** Set for non-human actors only. */
  machine?: { name: string; urn: string; weight: number };
}

export interface OrgProfile {
  org: string;
  displayName: string;
  people: readonly SeedActor[];
  machines: readonly SeedActor[];
  ciStacks: readonly string[];
  describe: DescribeEvent;
}

export type DemoOrg = 'acme' | 'hobby';

interface MachineSpec {
  tokenName: string;
  actorName: string;
  actorUrn: string;
  /** How much of the org's CI traffic this actor produces. */
  weight: number;
}

const MACHINES: Readonly<Record<DemoOrg, readonly MachineSpec[]>> = {
  acme: [
    {
      tokenName: 'github-actions-deploy',
      actorName: 'platform',
      actorUrn: 'urn:pulumi:team:acme/platform',
      weight: 5,
    },
    {
      tokenName: 'payments-release',
      actorName: 'payments',
      actorUrn: 'urn:pulumi:team:acme/payments',
      weight: 2,
    },
    { tokenName: 'gitlab-ci', actorName: 'acme', actorUrn: 'urn:pulumi:org:acme', weight: 1 },
    {
      tokenName: 'pulumi-deployments',
      actorName: 'Pulumi Deployments',
      actorUrn: 'urn:pulumi:deployments:acme/default',
      weight: 2,
    },
  ],
  hobby: [
    { tokenName: 'hobby-ci', actorName: 'hobby', actorUrn: 'urn:pulumi:org:hobby', weight: 1 },
  ],
};

const DISPLAY_NAMES: Readonly<Record<DemoOrg, string>> = {
  acme: 'Acme Corp',
  hobby: 'Hobby Projects',
};
const POOLS: Readonly<Record<DemoOrg, SlotPools>> = { acme: ACME_POOLS, hobby: HOBBY_POOLS };
const CI_STACKS: Readonly<Record<DemoOrg, readonly string[]>> = {
  acme: ACME_CI_STACKS,
  hobby: HOBBY_CI_STACKS,
};
const PERSONAL_TOKEN_NAMES = ['laptop', 'cli', 'work-macbook', 'wsl', 'pulumi-cli'];

/** The org's people, in DEMO_PEOPLE order. */
export function membersOf(org: DemoOrg): DemoPerson[] {
  return DEMO_PEOPLE.filter((person) => person[org] !== undefined);
}

function personActor(person: DemoPerson, org: DemoOrg): SeedActor {
  const tokenName = PERSONAL_TOKEN_NAMES[
    hashString(person.login) % PERSONAL_TOKEN_NAMES.length
  ] as string;
  return {
    login: person.login,
    sourceIPs: sourceIPsFor(person.login),
    utcOffsetSeconds: person.utcOffsetMinutes * 60,
    admin: person[org] === 'admin',
    token: { id: stableUuid(`${person.login}/${tokenName}`), name: tokenName },
  };
}

function machineActor(spec: MachineSpec, org: DemoOrg): SeedActor {
  return {
    login: org,
    sourceIPs: sourceIPsFor(spec.tokenName),
    utcOffsetSeconds: 0,
    admin: false,
    token: { id: stableUuid(`${org}/${spec.tokenName}`), name: spec.tokenName },
    machine: { name: spec.actorName, urn: spec.actorUrn, weight: spec.weight },
  };
}

/** Everything the generator needs for one demo org: `buildOrgProfile('acme').people.length` ≈ 40. */
export function buildOrgProfile(org: DemoOrg): OrgProfile {
  const people = membersOf(org);
  return {
    org,
    displayName: DISPLAY_NAMES[org],
    people: people.map((person) => personActor(person, org)),
    machines: MACHINES[org].map((spec) => machineActor(spec, org)),
    ciStacks: CI_STACKS[org],
    describe: createDescriber({ org, pools: POOLS[org], memberLogins: people.map((p) => p.login) }),
  };
}

/** Whether `name` is one of the demo orgs a profile exists for. */
export function isDemoOrg(name: string): name is DemoOrg {
  return name === 'acme' || name === 'hobby';
}
