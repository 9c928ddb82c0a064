/**
 * The episodes the demo log is made of. A CI burst is one pipeline deploying a few stacks at
 * once: their updates start in the same second, read environments and secrets, and finish
 * minutes later. A session is a person logging in during their working day and doing a few
 * things. Events go into `out` in the order they happened within their second; the generator
 * sorts by time.
 */
import type { NewAuditEvent } from '../store/audit-store.ts';
import { edgeCaseEvents } from './edge-case-descriptions.ts';
import { buildEvent, type EpisodeContext, type EventDraft } from './event-builder.ts';
import { pickAdminEvent, pickMemberEvent } from './event-mix.ts';
import type { SeedActor } from './org-profiles.ts';

/** How often a session action is replaced by a verbatim edge case (CSV escaping paths). */
const EDGE_CASE_RATE = 0.004;
const LOGIN_FAILURE_RATE = 0.04;
/** Reads and decryptions people do from the CLI or an SDK, so with their personal token. */
const CLI_EVENT = /-(open|read|decrypted)$/;

const pick = <T>(ctx: EpisodeContext, items: readonly T[]): T =>
  items[Math.floor(ctx.uniform() * items.length)] as T;
const between = (ctx: EpisodeContext, min: number, max: number) =>
  min + Math.floor(ctx.uniform() * (max - min + 1));

function flush(ctx: EpisodeContext, drafts: EventDraft[], out: NewAuditEvent[]): void {
  for (const draft of drafts) out.push(buildEvent(ctx, draft));
}

/** One update of `stack` from `t`: started, maybe secrets and outputs read, then its end. */
function stackUpdate(
  ctx: EpisodeContext,
  base: Omit<EventDraft, 'event'>,
  drafts: EventDraft[],
): void {
  const t = base.timestamp;
  drafts.push({ ...base, event: 'stack-update-started' });
  if (ctx.uniform() < 0.5)
    drafts.push({ ...base, event: 'secrets-batch-decrypted', timestamp: t + between(ctx, 0, 2) });
  if (ctx.uniform() < 0.3)
    drafts.push({ ...base, event: 'stack-outputs-read', timestamp: t + between(ctx, 0, 3) });
  const end = ctx.uniform() < 0.04 ? 'stack-update-canceled' : 'stack-update-completed';
  drafts.push({ ...base, event: end, timestamp: t + between(ctx, 20, 900) });
}

/** A pipeline run by a machine actor at `t` (someone's merge, so it follows working hours). */
export function ciBurst(
  ctx: EpisodeContext,
  machine: SeedActor,
  t: number,
  out: NewAuditEvent[],
): void {
  const { profile } = ctx;
  const sourceIP = pick(ctx, machine.sourceIPs);
  const stackCount = 1 + Math.floor(ctx.uniform() ** 2 * 6);
  const first = Math.floor(ctx.uniform() * profile.ciStacks.length);
  const drafts: EventDraft[] = [];
  for (let i = 0; i < stackCount; i++) {
    const stack = profile.ciStacks[(first + i) % profile.ciStacks.length] as string;
    const base = { timestamp: t, actor: machine, sourceIP, stack };
    if (ctx.uniform() < 0.6) drafts.push({ ...base, event: 'environment-open' });
    if (ctx.uniform() < 0.3) drafts.push({ ...base, event: 'environment-oidc-token-issued' });
    stackUpdate(ctx, base, drafts);
  }
  flush(ctx, drafts, out);
}

function sessionAction(
  ctx: EpisodeContext,
  person: SeedActor,
  base: EventDraft,
  drafts: EventDraft[],
): void {
  if (ctx.uniform() < EDGE_CASE_RATE) {
    const edge = pick(ctx, edgeCaseEvents(ctx.profile.org, person.login));
    drafts.push({ ...base, ...edge });
    return;
  }
  const event = (person.admin ? pickAdminEvent : pickMemberEvent)(ctx.uniform());
  if (event === 'stack-update-started') {
    const stack = pick(ctx, ctx.profile.ciStacks);
    stackUpdate(ctx, { ...base, viaToken: true, stack }, drafts);
    return;
  }
  drafts.push({ ...base, event, viaToken: CLI_EVENT.test(event) });
}

/** A person's working session from `start`: usually a login, then one to six actions minutes apart. */
export function humanSession(
  ctx: EpisodeContext,
  person: SeedActor,
  start: number,
  out: NewAuditEvent[],
): void {
  let t = start;
  const sourceIP = pick(ctx, person.sourceIPs);
  const drafts: EventDraft[] = [];
  if (ctx.uniform() < 0.85) {
    if (ctx.uniform() < LOGIN_FAILURE_RATE) {
      drafts.push({ event: 'user-login-failed', timestamp: t, actor: person, sourceIP });
      t += between(ctx, 5, 60);
    }
    drafts.push({ event: 'user-login', timestamp: t, actor: person, sourceIP });
  }
  const actions = between(ctx, 1, 6);
  for (let i = 0; i < actions; i++) {
    t += between(ctx, 3, 600);
    sessionAction(ctx, person, { event: '', timestamp: t, actor: person, sourceIP }, drafts);
  }
  flush(ctx, drafts, out);
}
