/**
 * Turns a search query into tests on the index's columns. Each term becomes masks over the
 * dictionaries it reads (which distinct users, addresses, descriptions… match), computed once
 * per query, so the scan over rows only looks bytes up. Included terms of one key are one group
 * (either matches), words and parenthesised groups are a group each, and every group must
 * match; an excluded term is a group of its own that must not match. A parenthesised group
 * matches when all the groups of one of its alternatives do.
 */
import { findEventType } from '../../../common/pulumi/event-catalog.ts';
import { parseIp, type IpAddress } from '../ip-address/parse-ip.ts';
import { ipInRange } from '../ip-address/ip-range.ts';
import type { SearchQuery, SearchTerm } from '../search-query/search-query-types.ts';
import { termKey } from '../search-query/search-query-types.ts';
import { failedEventMask } from './failed-events.ts';
import { MARK_BURST, MARK_FIRST_IP } from './markers.ts';
import type { RangeIndex } from './range-index.ts';
import { FLAG_AUTH_FAILURE, FLAG_ORG_ADMIN, type IdColumn } from './row-columns.ts';

/** A flag or marker bit that must be set (`expected`) or clear. */
export interface BitTest {
  source: 'flags' | 'markers';
  bit: number;
  expected: boolean;
}

/** Rows match a group when any of its column masks, bit tests or alternatives does. */
export interface CompiledGroup {
  negated: boolean;
  masks: Partial<Record<IdColumn, Uint8Array>>;
  bits: BitTest[];
  /** Alternatives, each groups that must all match (a parenthesised group, `failed:false`). */
  any: CompiledGroup[][];
}

const FLAG_BITS = {
  admin: { source: 'flags', bit: FLAG_ORG_ADMIN },
  'first-ip': { source: 'markers', bit: MARK_FIRST_IP },
  burst: { source: 'markers', bit: MARK_BURST },
} as const;

const parsedIps = new WeakMap<RangeIndex, (IpAddress | undefined)[]>();

/** Source addresses of the index parsed once each (new ones as the index grows). */
function ipsOf(index: RangeIndex): (IpAddress | undefined)[] {
  const values = index.dictionaries.ip.values;
  let parsed = parsedIps.get(index);
  if (!parsed) parsedIps.set(index, (parsed = []));
  for (let id = parsed.length; id < values.length; id++) parsed.push(parseIp(values[id] as string));
  return parsed;
}

type Leaf = Exclude<SearchTerm, { kind: 'group' } | { kind: 'flag' }>;

/** The masks of one term: which dictionary entries it accepts, column by column. */
function termMasks(index: RangeIndex, term: Leaf): Partial<Record<IdColumn, Uint8Array>> {
  const d = index.dictionaries;
  if (term.kind === 'text') {
    const needle = term.value.toLowerCase();
    return {
      description: d.description.maskContaining(needle),
      user: d.user.maskContaining(needle),
      event: d.event.maskContaining(needle),
      ip: d.ip.maskContaining(needle),
      token: d.token.maskContaining(needle),
      actor: d.actor.maskContaining(needle),
    };
  }
  if (term.kind === 'ip') {
    const ips = ipsOf(index);
    return { ip: d.ip.mask((_, id) => ips[id] !== undefined && ipInRange(ips[id], term.range)) };
  }
  const value = term.value.toLowerCase();
  switch (term.key) {
    case 'user':
      return { user: d.user.mask((user) => user.login.toLowerCase() === value) };
    case 'event':
      return { event: d.event.mask((id) => id === term.value) };
    case 'category':
      return { event: d.event.mask((id) => findEventType(id)?.category === term.value) };
    case 'token':
      return {
        token: d.token.mask((t) => t.name.toLowerCase() === value || t.id.toLowerCase() === value),
      };
    case 'actor':
      return { actor: d.actor.maskContaining(value) };
  }
}

function orInto(target: Uint8Array | undefined, mask: Uint8Array): Uint8Array {
  if (!target) return mask;
  for (let i = 0; i < mask.length; i++) target[i] = (target[i] as number) | (mask[i] as number);
  return target;
}

function addMasks(group: CompiledGroup, masks: Partial<Record<IdColumn, Uint8Array>>): void {
  for (const [column, mask] of Object.entries(masks) as [IdColumn, Uint8Array][]) {
    if (mask.includes(1)) group.masks[column] = orInto(group.masks[column], mask);
  }
}

const emptyGroup = (negated: boolean): CompiledGroup => ({ negated, masks: {}, bits: [], any: [] });

/** `failed:true`: flagged `authFailure`, or of an event type that records a failure. */
function addFailed(index: RangeIndex, group: CompiledGroup): void {
  group.bits.push({ source: 'flags', bit: FLAG_AUTH_FAILURE, expected: true });
  addMasks(group, { event: failedEventMask(index) });
}

function addTerm(index: RangeIndex, group: CompiledGroup, term: SearchTerm): void {
  if (term.kind === 'group') {
    group.any.push(...term.any.map((alternative) => compileQuery(index, alternative)));
    return;
  }
  if (term.kind !== 'flag') {
    addMasks(group, termMasks(index, term));
    return;
  }
  if (term.key === 'machine') {
    // A machine actor: the event names an actor (a name or a URN).
    const machines = index.dictionaries.actor.mask(
      (actor) => actor.name !== '' || actor.urn !== '',
    );
    const target = term.value ? group : emptyGroup(true);
    addMasks(target, { actor: machines });
    if (!term.value) group.any.push([target]);
  } else if (term.key !== 'failed') {
    group.bits.push({ ...FLAG_BITS[term.key], expected: term.value });
  } else if (term.value) {
    addFailed(index, group);
  } else {
    // Not failed: neither flagged nor of a failure type, as one alternative.
    const failed = emptyGroup(true);
    addFailed(index, failed);
    group.any.push([failed]);
  }
}

/** The groups of a query over this index: `compileQuery(index, query).length`. */
export function compileQuery(index: RangeIndex, query: SearchQuery): CompiledGroup[] {
  const byKey = new Map<string, CompiledGroup>();
  const groups: CompiledGroup[] = [];
  for (const term of query.terms) {
    const key = termKey(term);
    let group = !term.negated && key !== undefined ? byKey.get(key) : undefined;
    if (!group) {
      group = emptyGroup(term.negated);
      groups.push(group);
      if (!term.negated && key !== undefined) byKey.set(key, group);
    }
    addTerm(index, group, term);
  }
  return groups;
}
