/**
 * One event of every catalog type (deprecated ones in the older half of the range, their
 * replacements in the newer half) and every edge-case description, so even a modest demo log
 * shows the whole catalog and exercises every export escaping path.
 */
import { EVENT_TYPES } from '../../common/pulumi/event-catalog.ts';
import type { NewAuditEvent } from '../store/audit-store.ts';
import { edgeCaseEvents } from './edge-case-descriptions.ts';
import { buildEvent, type EpisodeContext, type EventDraft } from './event-builder.ts';
import { eraOf } from './event-mix.ts';
import type { SeedActor } from './org-profiles.ts';

function randomTimeIn(ctx: EpisodeContext, from: number, to: number): number {
  return from + Math.floor(ctx.uniform() * (to - from + 1));
}

/**
 * The coverage events of one org, in catalog order (not time order); people who `left` during
 * the range (a story's offboarding) are not drawn, so none acts after leaving.
 */
export function coverageEvents(
  ctx: EpisodeContext,
  left: ReadonlyMap<string, number> = new Map(),
): NewAuditEvent[] {
  const people = ctx.profile.people.filter((person) => !left.has(person.login));
  const admins = people.filter((person) => person.admin);
  const personFor = (adminOnly: boolean) => {
    const pool = adminOnly && admins.length > 0 ? admins : people;
    return pool[Math.floor(ctx.uniform() * pool.length)] as SeedActor;
  };
  const draftFor = (event: string, actor: SeedActor, from: number, to: number): EventDraft => ({
    event,
    actor,
    timestamp: randomTimeIn(ctx, from, to),
    sourceIP: actor.sourceIPs[0] as string,
  });
  const drafts = EVENT_TYPES.map((type) => {
    const era = eraOf(type.event);
    const from = era === 'new' ? ctx.midpoint : ctx.start;
    const to = era === 'old' ? ctx.midpoint - 1 : ctx.end;
    return draftFor(type.event, personFor(type.requiresOrgAdmin), from, to);
  });
  const editor = personFor(false);
  for (const edge of edgeCaseEvents(ctx.profile.org, editor.login)) {
    drafts.push({
      ...draftFor(edge.event, editor, ctx.start, ctx.end),
      description: edge.description,
    });
  }
  return drafts.map((draft) => buildEvent(ctx, draft));
}
