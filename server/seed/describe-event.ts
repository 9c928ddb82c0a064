/**
 * Turns an event type into the service's own sentence: templates are compiled once per
 * organization into literal parts and slot pools, so describing an event is a few array picks
 * and one string concatenation (the bulk seeder describes hundreds of thousands per second).
 */
import type { SlotPools } from './object-names.ts';
import { ACCESS_TEMPLATES, type TemplateTable } from './templates-access.ts';
import { INFRASTRUCTURE_TEMPLATES } from './templates-infrastructure.ts';
import { PLATFORM_TEMPLATES } from './templates-platform.ts';

/** Every event type's templates, keyed by event id. */
export const DESCRIPTION_TEMPLATES: TemplateTable = {
  ...ACCESS_TEMPLATES,
  ...INFRASTRUCTURE_TEMPLATES,
  ...PLATFORM_TEMPLATES,
};

/** What a slot is filled with: a pool of names, or one of the per-event values. */
type Slot = readonly string[] | 'actor' | 'member' | { stacks: readonly string[] };

interface CompiledTemplate {
  literals: string[];
  slots: Slot[];
}

export interface DescribeContext {
  org: string;
  pools: SlotPools;
  /** Logins that `{member}` may name. */
  memberLogins: readonly string[];
}

/** Draws a uniform float in [0, 1); the caller's seeded stream. */
export type Uniform = () => number;

/** Describes one event; `stack` pins the `{stack}` slot, otherwise it is drawn like the others. */
export type DescribeEvent = (
  event: string,
  actor: string,
  uniform: Uniform,
  stack?: string,
) => string;

function compile(template: string, context: DescribeContext, event: string): CompiledTemplate {
  // The org never varies within one describer, so it becomes part of the literal text.
  const parts = template.replaceAll('{org}', context.org).split(/\{(\w+)\}/);
  const literals = parts.filter((_, i) => i % 2 === 0);
  const slots = parts
    .filter((_, i) => i % 2 === 1)
    .map((name): Slot => {
      if (name === 'actor' || name === 'member') return name;
      const pool = context.pools[name];
      if (!pool || pool.length === 0)
        throw new Error(`template of ${event} names an unknown slot {${name}}`);
      // A stack may be pinned by the caller, so an update's start and end name the same stack.
      return name === 'stack' ? { stacks: pool } : pool;
    });
  return { literals, slots };
}

interface FillValues {
  actor: string;
  member: string;
  stack: string | undefined;
}

const pickFrom = (pool: readonly string[], uniform: Uniform) =>
  pool[Math.floor(uniform() * pool.length)] as string;

function fill(template: CompiledTemplate, values: FillValues, uniform: Uniform): string {
  const { literals, slots } = template;
  let text = literals[0] as string;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as Slot;
    let value: string;
    if (slot === 'actor' || slot === 'member') value = values[slot];
    else if ('stacks' in slot) value = values.stack ?? pickFrom(slot.stacks, uniform);
    else value = pickFrom(slot, uniform);
    text += value + (literals[i + 1] as string);
  }
  return text;
}

/** Someone other than the actor, for `{member}` (a person rarely adds themselves to a team). */
function otherMember(members: readonly string[], actor: string, uniform: Uniform): string {
  const index = Math.floor(uniform() * members.length);
  const member = members[index] ?? actor;
  return member === actor ? (members[(index + 1) % members.length] ?? actor) : member;
}

/**
 * Compiles every template for one organization and returns the describer:
 * `createDescriber(ctx)('stack-created', 'kim', rng)` → `User "kim" created the stack "acme/web/prod".`
 */
export function createDescriber(context: DescribeContext): DescribeEvent {
  const compiled = new Map<string, CompiledTemplate[]>();
  for (const [event, templates] of Object.entries(DESCRIPTION_TEMPLATES)) {
    const list = typeof templates === 'string' ? [templates] : templates;
    compiled.set(
      event,
      list.map((template) => compile(template, context, event)),
    );
  }
  return (event, actor, uniform, stack) => {
    const options = compiled.get(event);
    if (!options) throw new Error(`no description template for ${event}`);
    const template =
      options.length === 1 ? options[0] : options[Math.floor(uniform() * options.length)];
    const member = otherMember(context.memberLogins, actor, uniform);
    return fill(template as CompiledTemplate, { actor, member, stack }, uniform);
  };
}
