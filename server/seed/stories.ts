/**
 * The incidents of the demo log: five stories an admin evaluating the console can hunt for,
 * at fixed times relative to the seed's "now" (decision note 023). Each story is a list of
 * drafts with its own seeded stream, so adding them leaves the steady traffic's randomness as
 * it was. Times are anchored to UTC days before now's day, so every story is in the past, in
 * the last seven days, and its hour of day is the same whenever the demo is seeded.
 */
import type { NewAuditEvent } from '../store/audit-store.ts';
import { buildEvent, type EpisodeContext, type EventDraft } from './event-builder.ts';
import type { OrgProfile, SeedActor } from './org-profiles.ts';
import { mulberry32 } from './prng.ts';

const DAY = 86_400;
const HOUR = 3600;
const MINUTE = 60;
/** A separate stream for the stories, so they never shift the steady traffic's draws. */
const STORY_SEED_SALT = 0x73_74_6f_72;

/** Addresses only the stories use (RFC 5737 documentation ranges, like every demo address). */
export const STUFFING_IP = '203.0.113.66';
export const LEAKED_TOKEN_IP = '198.51.100.213';
export const STUFFING_FAILURES = 48;
/** The one guessed account that got in, after the burst. */
export const STUFFED_LOGIN = 'mgarcia';
export const LEAKED_TOKEN_NAME = 'github-actions-deploy';
export const OFFBOARDED_LOGIN = 'lrossi';
export const OFFBOARDING_ADMIN = 'zangstrom';
export const OFFBOARDED_STACKS = [
  'acme/lrossi-sandbox/dev',
  'acme/search-poc/lrossi',
  'acme/feature-flags/lrossi-test',
  'acme/etl-spike/dev',
  'acme/edge-cache/lrossi',
] as const;
export const SECRET_READER = 'ppatel';
export const SECRET_READS = 72;
export const SELF_GRANTING_ADMIN = 'rcohen';
export const SELF_GRANTED_ROLE = 'Production Break-Glass';

/** When each story starts, in Unix seconds, for a log that ends at `now`. */
export interface StoryTimes {
  secretReads: number;
  credentialStuffing: number;
  selfGrantedRole: number;
  leakedToken: number;
  offboarding: number;
}

/**
 * The stories' start times: whole UTC days before now's day, at a fixed hour:
 * `storyTimes(Date.UTC(2026, 0, 10, 8) / 1000).credentialStuffing` is Jan 8, 04:12 UTC.
 */
export function storyTimes(now: number): StoryTimes {
  const today = Math.floor(now / DAY) * DAY;
  const at = (daysBefore: number, hour: number, minute: number) =>
    today - daysBefore * DAY + hour * HOUR + minute * MINUTE;
  return {
    // Yesterday afternoon in UTC: evening in India, where the reader works.
    secretReads: at(1, 15, 20),
    // Before dawn in Europe and late evening in the Americas, when nobody watches.
    credentialStuffing: at(2, 4, 12),
    // Near midnight at the admin's UTC+2.
    selfGrantedRole: at(3, 22, 44),
    // 02:37 UTC: acme's CI is nearly silent then (it follows people's merges).
    leakedToken: at(4, 2, 37),
    // A Monday-morning-like 09:05 UTC in the offboarding admin's UTC+1.
    offboarding: at(6, 9, 5),
  };
}

/** The earliest story start for a log ending at `now`: the range must reach back this far. */
export function earliestStory(now: number): number {
  return Math.min(...Object.values(storyTimes(now)));
}

interface StoryContext {
  ctx: EpisodeContext;
  uniform: () => number;
  actor: (login: string) => SeedActor;
  machine: (tokenName: string) => SeedActor;
  drafts: EventDraft[];
}

const between = (story: StoryContext, min: number, max: number) =>
  min + Math.floor(story.uniform() * (max - min + 1));

/** Dozens of failed logins for many people from one address in minutes; the last guess works. */
function credentialStuffing(story: StoryContext, t: number): void {
  const targets = story.ctx.profile.people
    .filter((person) => !person.login.startsWith('demo-') && person.login !== OFFBOARDED_LOGIN)
    .map((person) => person.login);
  let time = t;
  for (let i = 0; i < STUFFING_FAILURES; i++) {
    // The stuffed account is tried twice, as lists of leaked passwords often hold two for one.
    const login =
      i === STUFFING_FAILURES - 5 || i === STUFFING_FAILURES - 1
        ? STUFFED_LOGIN
        : (targets[(i * 7) % targets.length] as string);
    story.drafts.push({
      event: 'user-login-failed',
      timestamp: time,
      actor: story.actor(login),
      sourceIP: STUFFING_IP,
    });
    time += between(story, 4, 9);
  }
  const person = story.actor(STUFFED_LOGIN);
  const base = { actor: person, sourceIP: STUFFING_IP };
  time += between(story, 20, 40);
  story.drafts.push({ ...base, event: 'user-login', timestamp: time });
  story.drafts.push({
    ...base,
    event: 'environment-read-open',
    timestamp: time + 75,
    description: `User "${STUFFED_LOGIN}" read the resolved values of the environment "shared/aws-prod".`,
  });
  story.drafts.push({
    ...base,
    event: 'stack-outputs-read',
    timestamp: time + 140,
    stack: 'acme/payments-api/prod',
  });
}

/** The platform team's CI token, used at night from an address it never used, to read secrets. */
function leakedToken(story: StoryContext, t: number): void {
  const machine = story.machine(LEAKED_TOKEN_NAME);
  const base = { actor: machine, sourceIP: LEAKED_TOKEN_IP };
  const environments = ['shared/aws-prod', 'payments/prod', 'shared/github', 'data/snowflake'];
  let time = t;
  for (const env of environments) {
    story.drafts.push({
      ...base,
      event: 'environment-open',
      timestamp: time,
      description: `The environment "${env}" was opened.`,
    });
    time += between(story, 40, 120);
  }
  for (const stack of ['acme/payments-api/prod', 'acme/infra-core/prod', 'acme/identity/prod']) {
    story.drafts.push({ ...base, event: 'stack-outputs-read', timestamp: time, stack });
    story.drafts.push({
      ...base,
      event: 'secrets-batch-decrypted',
      timestamp: time + between(story, 1, 3),
      stack,
    });
    time += between(story, 60, 180);
  }
}

/** An admin removes a teammate from the org and their teams, then deletes the stacks they owned. */
function offboarding(story: StoryContext, t: number): void {
  const admin = story.actor(OFFBOARDING_ADMIN);
  const base = { actor: admin, sourceIP: admin.sourceIPs[0] as string };
  story.drafts.push({ ...base, event: 'user-login', timestamp: t - 6 * MINUTE });
  story.drafts.push({
    ...base,
    event: 'member-removed',
    timestamp: t,
    description: `User "${OFFBOARDING_ADMIN}" removed "${OFFBOARDED_LOGIN}" from the organization "acme".`,
  });
  let time = t + 50;
  for (const team of ['data', 'frontend']) {
    story.drafts.push({
      ...base,
      event: 'team-updated',
      timestamp: time,
      description: `User "${OFFBOARDING_ADMIN}" removed "${OFFBOARDED_LOGIN}" from the team "${team}".`,
    });
    time += between(story, 20, 60);
  }
  time += 12 * MINUTE;
  for (const stack of OFFBOARDED_STACKS) {
    story.drafts.push({
      ...base,
      event: 'stack-deleted',
      timestamp: time,
      description: `User "${OFFBOARDING_ADMIN}" deleted the stack "${stack}".`,
    });
    time += between(story, 45, 180);
  }
}

/** One member reads secrets across many environments and stacks with their CLI token, fast. */
function secretReads(story: StoryContext, t: number): void {
  const reader = story.actor(SECRET_READER);
  const base = { actor: reader, sourceIP: reader.sourceIPs[1] as string, viaToken: true };
  const environments = [
    'payments/prod',
    'payments/staging',
    'shared/aws-prod',
    'shared/github',
    'data/snowflake',
    'web/dev',
  ];
  const stacks = story.ctx.profile.ciStacks;
  let time = t;
  for (let i = 0; i < SECRET_READS; i++) {
    if (i % 3 === 0) {
      const env = environments[(i / 3) % environments.length] as string;
      story.drafts.push({
        ...base,
        event: 'environment-read-open',
        timestamp: time,
        description: `User "${SECRET_READER}" read the resolved values of the environment "${env}".`,
      });
    } else {
      const stack = stacks[i % stacks.length] as string;
      const event = i % 3 === 1 ? 'secret-decrypted' : 'secrets-batch-decrypted';
      story.drafts.push({ ...base, event, timestamp: time, stack });
    }
    time += between(story, 5, 13);
  }
}

/** An admin, late at night, creates a powerful custom role and gives it to themselves. */
function selfGrantedRole(story: StoryContext, t: number): void {
  const admin = story.actor(SELF_GRANTING_ADMIN);
  const base = { actor: admin, sourceIP: admin.sourceIPs[1] as string };
  const who = SELF_GRANTING_ADMIN;
  story.drafts.push({ ...base, event: 'user-login', timestamp: t });
  story.drafts.push({
    ...base,
    event: 'custom-role-created',
    timestamp: t + 2 * MINUTE,
    description: `User "${who}" created the custom role "${SELF_GRANTED_ROLE}".`,
  });
  story.drafts.push({
    ...base,
    event: 'custom-role-updated',
    timestamp: t + 3 * MINUTE,
    description: `User "${who}" changed the permissions of the custom role "${SELF_GRANTED_ROLE}": admin on every stack and environment.`,
  });
  story.drafts.push({
    ...base,
    event: 'member-role-changed',
    timestamp: t + 4 * MINUTE,
    description: `User "${who}" changed the role of "${who}" from "admin" to "${SELF_GRANTED_ROLE}".`,
  });
  story.drafts.push({
    ...base,
    event: 'environment-read-open',
    timestamp: t + 7 * MINUTE,
    description: `User "${who}" read the resolved values of the environment "payments/prod".`,
  });
}

function finder(actors: readonly SeedActor[], key: (actor: SeedActor) => string, org: string) {
  const byKey = new Map(actors.map((actor) => [key(actor), actor]));
  return (name: string): SeedActor => {
    const actor = byKey.get(name);
    if (!actor) throw new Error(`the demo stories need "${name}" in ${org}`);
    return actor;
  };
}

/** Who leaves during the stories, and from when they no longer act: `departures(now).get('lrossi')`. */
export function departures(now: number): ReadonlyMap<string, number> {
  return new Map([[OFFBOARDED_LOGIN, storyTimes(now).offboarding]]);
}

/** Whether `profile` is the org the stories are written for (its people and tokens). */
export function tellsStories(profile: OrgProfile): boolean {
  return profile.org === 'acme';
}

/** Every story's events for the log ending at `ctx.end`, in the order they happened. */
export function storyEvents(ctx: EpisodeContext, seed: number): NewAuditEvent[] {
  const { profile } = ctx;
  const story: StoryContext = {
    ctx,
    uniform: mulberry32(seed ^ STORY_SEED_SALT),
    actor: finder(profile.people, (actor) => actor.login, profile.org),
    machine: finder(profile.machines, (actor) => actor.token.name, profile.org),
    drafts: [],
  };
  const times = storyTimes(ctx.end);
  credentialStuffing(story, times.credentialStuffing);
  leakedToken(story, times.leakedToken);
  offboarding(story, times.offboarding);
  secretReads(story, times.secretReads);
  selfGrantedRole(story, times.selfGrantedRole);
  // Descriptions the stories do not spell out are drawn from the stories' own stream too.
  const storyCtx = { ...ctx, uniform: story.uniform };
  return story.drafts.map((draft) => buildEvent(storyCtx, draft));
}
