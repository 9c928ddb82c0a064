/**
 * The deterministic demo-log generator: the same profile, seed, range and count always yield
 * the same events in the same order. Streams, so the bulk seeder can write millions in batches.
 */
import { EVENT_TYPES } from '../../src/lib/event-catalog.ts';
import type { NewAuditEvent } from '../store/audit-store.ts';
import { edgeCaseEvents } from './edge-case-descriptions.ts';
import { buildEvent, type EpisodeContext } from './event-builder.ts';
import { eraOf } from './event-mix.ts';
import { ciBurst, humanSession } from './episodes.ts';
import type { OrgProfile, SeedActor } from './org-profiles.ts';
import { mulberry32, weightedIndex } from './prng.ts';

export interface GenerateOptions {
  count: number;
  seed: number;
  /** First and last second of the range (Unix seconds, both included). */
  start: number;
  end: number;
}

/** From this many events on, every type and edge case appears at least once. */
export const FULL_COVERAGE_MIN_EVENTS = 1000;
/** Share of episodes that are CI bursts; they produce most events (stack updates dominate). */
const CI_EPISODE_SHARE = 0.45;

function randomTimeIn(ctx: EpisodeContext, from: number, to: number): number {
  return from + Math.floor(ctx.uniform() * (to - from + 1));
}

/** One event of every catalog type (each in its era) and every edge-case description. */
function coverageEvents(ctx: EpisodeContext): NewAuditEvent[] {
  const { people } = ctx.profile;
  const admins = people.filter((person) => person.admin);
  const personFor = (adminOnly: boolean) => {
    const pool = adminOnly && admins.length > 0 ? admins : people;
    return pool[Math.floor(ctx.uniform() * pool.length)] as SeedActor;
  };
  const drafts = EVENT_TYPES.map((type) => {
    const era = eraOf(type.event);
    const from = era === 'new' ? ctx.midpoint : ctx.start;
    const to = era === 'old' ? ctx.midpoint - 1 : ctx.end;
    const actor = personFor(type.requiresOrgAdmin);
    return { event: type.event, timestamp: randomTimeIn(ctx, from, to), actor, sourceIP: actor.sourceIPs[0] ?? '' };
  });
  const editor = personFor(false);
  for (const edge of edgeCaseEvents(ctx.profile.org, editor.login)) {
    const sourceIP = editor.sourceIPs[0] ?? '';
    drafts.push({ ...edge, timestamp: randomTimeIn(ctx, ctx.start, ctx.end), actor: editor, sourceIP });
  }
  return drafts.map((draft) => buildEvent(ctx, draft));
}

function machinePicker(machines: readonly SeedActor[]): (uniform: number) => SeedActor {
  const index = weightedIndex(machines.map((machine) => machine.machine?.weight ?? 1));
  return (uniform) => machines[index(uniform)] as SeedActor;
}

/**
 * Yields exactly `count` events for the profile's org:
 * `[...generateAuditEvents(buildOrgProfile('acme'), { count: 10, seed: 1, start, end })]`.
 */
export function* generateAuditEvents(profile: OrgProfile, options: GenerateOptions): Generator<NewAuditEvent> {
  const { count, seed, start, end } = options;
  if (!(end >= start)) throw new RangeError(`range end ${end} is before its start ${start}`);
  const ctx: EpisodeContext = {
    profile,
    uniform: mulberry32(seed),
    start,
    end,
    midpoint: start + Math.floor((end - start + 1) / 2),
  };
  const pickMachine = machinePicker(profile.machines);
  let remaining = count;
  const episode: NewAuditEvent[] = count >= FULL_COVERAGE_MIN_EVENTS ? coverageEvents(ctx) : [];
  for (;;) {
    for (const event of episode) {
      if (remaining <= 0) return;
      remaining--;
      yield event;
    }
    if (remaining <= 0) return;
    episode.length = 0;
    if (ctx.uniform() < CI_EPISODE_SHARE) ciBurst(ctx, pickMachine(ctx.uniform()), episode);
    else humanSession(ctx, profile.people[Math.floor(ctx.uniform() * profile.people.length)] as SeedActor, episode);
  }
}
