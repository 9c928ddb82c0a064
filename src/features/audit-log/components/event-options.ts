/** The event picker's options: filtered by a search text and grouped by category. */
import type { EventType } from '../../../lib/audit-log-types.ts';
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
