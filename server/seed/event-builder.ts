/**
 * Builds one stored event from what an episode decided: the type's flags come from the catalog,
 * the id is renamed for its era (deprecated before the middle of the range), and machine actors
 * always carry their token and actor identity.
 */
import { EVENT_TYPES } from '../../common/pulumi/event-catalog.ts';
import type { NewAuditEvent } from '../store/audit-store.ts';
import { eventForTime } from './event-mix.ts';
import type { OrgProfile, SeedActor } from './org-profiles.ts';

export interface EpisodeContext {
  profile: OrgProfile;
  uniform: () => number;
  /** The range, in whole Unix seconds, both ends included. */
  start: number;
  end: number;
  /** Deprecated ids appear before this second only, their replacements from it on. */
  midpoint: number;
}

const FLAGS = new Map(EVENT_TYPES.map((type) => [type.event, type]));

export interface EventDraft {
  event: string;
  timestamp: number;
  actor: SeedActor;
  sourceIP: string;
  /** Whether a person acted through the CLI with their personal token. */
  viaToken?: boolean;
  stack?: string;
  /** A verbatim description (edge cases) instead of the templated one. */
  description?: string;
}

/** Turns a draft into the store's shape; timestamps past the range end are clamped to it. */
export function buildEvent(ctx: EpisodeContext, draft: EventDraft): NewAuditEvent {
  const timestamp = Math.min(draft.timestamp, ctx.end);
  const event = eventForTime(draft.event, timestamp, ctx.midpoint);
  const { actor } = draft;
  const description =
    draft.description ?? ctx.profile.describe(event, actor.login, ctx.uniform, draft.stack);
  const built: NewAuditEvent = {
    timestamp,
    sourceIP: draft.sourceIP,
    event,
    description,
    userLogin: actor.login,
  };
  const flags = FLAGS.get(event);
  if (flags?.requiresOrgAdmin) built.reqOrgAdmin = true;
  if (flags?.requiresStackAdmin) built.reqStackAdmin = true;
  if (flags?.authenticationFailure) built.authFailure = true;
  if (actor.machine || draft.viaToken) {
    built.tokenID = actor.token.id;
    built.tokenName = actor.token.name;
  }
  if (actor.machine) {
    built.actorName = actor.machine.name;
    built.actorUrn = actor.machine.urn;
  }
  return built;
}
