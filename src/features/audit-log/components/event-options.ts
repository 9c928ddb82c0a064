/** The event picker's options: filtered by a search text and grouped by category. */
import type { EventType } from '../../../../common/pulumi/wire-types.ts';
import { categoryLabel } from '../format/category-label.ts';

export interface EventGroup {
  category: string;
  label: string;
  types: EventType[];
}

/** Matches the display name, the id or the category, ignoring case. */
function matches(type: EventType, needle: string): boolean {
  if (!needle) return true;
  const haystack = `${type.displayName} ${type.event} ${type.category}`.toLowerCase();
  return needle
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/**
 * Groups matching types by category, categories and types in alphabetical order:
 * `groupEventTypes(types, 'stack del')[0].types[0].event === 'stack-deleted'`.
 */
export function groupEventTypes(types: readonly EventType[], search: string): EventGroup[] {
  const groups = new Map<string, EventType[]>();
  for (const type of types) {
    if (!matches(type, search.trim())) continue;
    groups.set(type.category, [...(groups.get(type.category) ?? []), type]);
  }
  return [...groups.entries()]
    .map(([category, list]) => ({
      category,
      label: categoryLabel(category),
      types: list.sort((a, b) => a.displayName.localeCompare(b.displayName)),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

function rank(type: EventType, needle: string): number {
  const name = type.displayName.toLowerCase();
  if (name === needle || type.event === needle) return 0;
  if (name.startsWith(needle) || type.event.startsWith(needle)) return 1;
  if (name.includes(needle)) return 2;
  return 3;
}

/**
 * The option Enter should pick for a search: exact names first, then prefixes, then the shortest:
 * `bestEventMatch(types, 'environment read')?.event === 'environment-read'`.
 */
export function bestEventMatch(types: readonly EventType[], search: string): EventType | undefined {
  const needle = search.trim().toLowerCase();
  if (!needle) return undefined;
  return groupEventTypes(types, needle)
    .flatMap((group) => group.types)
    .map((type) => ({ type, score: rank(type, needle) }))
    .sort((a, b) => a.score - b.score || a.type.displayName.length - b.type.displayName.length)[0]
    ?.type;
}
