/**
 * The deterministic demo-log generator: the same profile, seed, range and count always yield
 * the same events in the same order. It walks the range hour by hour, giving each hour a share
 * of the events by how many people are at work then, so the stream is nearly sorted by time:
 * realistic ids, and index inserts that stay local (the bulk seeder's speed depends on it).
 */
import type { NewAuditEvent } from '../store/audit-store.ts';
import { peopleWeightsAt, planHours } from './activity-clock.ts';
import { coverageEvents } from './coverage-events.ts';
import type { EpisodeContext } from './event-builder.ts';
import { ciBurst, humanSession } from './episodes.ts';
import type { OrgProfile, SeedActor } from './org-profiles.ts';
import { mulberry32, weightedIndex } from './prng.ts';
import { departures, earliestStory, storyEvents, tellsStories } from './stories.ts';

export interface GenerateOptions {
  count: number;
  seed: number;
  /** First and last second of the range (Unix seconds, both included). */
  start: number;
  end: number;
  /**
   * Adds the demo's incidents (stories.ts) at their times before `end`, when the profile is the
   * one they are written for, the range reaches back to them and the count holds full coverage.
   */
  stories?: boolean;
}

/** From this many events on, every type and edge case appears at least once. */
export const FULL_COVERAGE_MIN_EVENTS = 1000;
/** Share of episodes that are CI bursts; they produce most events (stack updates dominate). */
const CI_EPISODE_SHARE = 0.45;
const HOUR = 3600;
const byTime = (a: NewAuditEvent, b: NewAuditEvent) => a.timestamp - b.timestamp;

function validate({ count, start, end }: GenerateOptions): void {
  if (!(Number.isSafeInteger(count) && count >= 0))
    throw new RangeError(`count must be a whole number, got ${count}`);
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && end >= start)) {
    throw new RangeError(`range must be whole seconds with start <= end, got ${start}..${end}`);
  }
}

interface HourPickers {
  /** Index into `profile.people`, weighted by who is at work in this hour. */
  person: (uniform: number) => number;
  /** Index into `profile.machines`, weighted by how much CI each runs. */
  machine: (uniform: number) => number;
}

/** The person at `index`, or the next one still in the org at `t` (stories remove someone). */
function presentPerson(
  people: readonly SeedActor[],
  index: number,
  t: number,
  left: ReadonlyMap<string, number>,
): SeedActor {
  for (let k = 0; k < people.length; k++) {
    const person = people[(index + k) % people.length] as SeedActor;
    const leftAt = left.get(person.login);
    // An hour's margin: a session runs for up to an hour after it starts.
    if (leftAt === undefined || t < leftAt - HOUR) return person;
  }
  return people[index] as SeedActor;
}

/** One episode starting within the hour from `hourStart` (clipped to the range's end). */
function episodeIn(
  ctx: EpisodeContext,
  hourStart: number,
  pick: HourPickers,
  left: ReadonlyMap<string, number>,
  out: NewAuditEvent[],
) {
  const { profile, uniform } = ctx;
  const t = hourStart + Math.floor(uniform() * Math.min(HOUR, ctx.end - hourStart + 1));
  if (uniform() < CI_EPISODE_SHARE) {
    ciBurst(ctx, profile.machines[pick.machine(uniform())] as SeedActor, t, out);
  } else {
    humanSession(ctx, presentPerson(profile.people, pick.person(uniform()), t, left), t, out);
  }
}

/** Whether this generation carries the stories (see GenerateOptions.stories). */
function withStories(profile: OrgProfile, options: GenerateOptions): boolean {
  return (
    options.stories === true &&
    tellsStories(profile) &&
    options.count >= FULL_COVERAGE_MIN_EVENTS &&
    earliestStory(options.end) - HOUR >= options.start
  );
}

/**
 * Yields exactly `count` events for the profile's org:
 * `[...generateAuditEvents(buildOrgProfile('acme'), { count: 10, seed: 1, start, end })]`.
 */
export function* generateAuditEvents(
  profile: OrgProfile,
  options: GenerateOptions,
): Generator<NewAuditEvent> {
  validate(options);
  const { count, seed, start, end } = options;
  const ctx: EpisodeContext = {
    profile,
    uniform: mulberry32(seed),
    start,
    end,
    midpoint: start + Math.floor((end - start + 1) / 2),
  };
  const stories = withStories(profile, options);
  const left: ReadonlyMap<string, number> = stories ? departures(end) : new Map();
  // Coverage and story events are extra to the hourly quotas, so truncating the last episode
  // never drops one.
  const extras =
    count >= FULL_COVERAGE_MIN_EVENTS
      ? [...coverageEvents(ctx, left), ...(stories ? storyEvents(ctx, seed) : [])]
      : [];
  const coverage = extras.sort(byTime);
  const quota = count - coverage.length;
  const offsets = profile.people.map((person) => person.utcOffsetSeconds);
  const { hours, cumulative } = planHours(offsets, start, end);
  const total = cumulative[hours] as number;
  const machine = weightedIndex(profile.machines.map((actor) => actor.machine?.weight ?? 1));
  let generated = 0;
  let nextCoverage = 0;
  const hour: NewAuditEvent[] = [];
  for (let k = 0; k < hours; k++) {
    const hourStart = start + k * HOUR;
    const target = Math.round((quota * (cumulative[k + 1] as number)) / total);
    if (generated < target) {
      const pick = { person: weightedIndex(peopleWeightsAt(offsets, hourStart)), machine };
      while (generated + hour.length < target) episodeIn(ctx, hourStart, pick, left, hour);
      hour.length = Math.min(hour.length, quota - generated);
      generated += hour.length;
    }
    while (
      nextCoverage < coverage.length &&
      (coverage[nextCoverage] as NewAuditEvent).timestamp < hourStart + HOUR
    ) {
      hour.push(coverage[nextCoverage++] as NewAuditEvent);
    }
    // Stable: events of one second keep the order they happened in.
    hour.sort(byTime);
    yield* hour;
    hour.length = 0;
  }
}
