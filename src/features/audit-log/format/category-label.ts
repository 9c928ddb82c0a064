const SPECIAL: Record<string, string> = { neo: 'Neo', 'access-tokens': 'Access tokens' };

/** A catalog category as a heading: `categoryLabel('access-tokens') === 'Access tokens'`. */
export function categoryLabel(category: string): string {
  const known = SPECIAL[category];
  if (known) return known;
  const words = category.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
