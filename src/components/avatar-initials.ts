/** Pure helpers behind `Avatar`: when an image may be used, and what stands in for it. */

/**
 * True for absolute http(s) URLs only; anything else (data:, javascript:, relative) is not loaded:
 * `isHttpUrl('https://a.example/x.png') === true`, `isHttpUrl('javascript:alert(1)') === false`.
 */
export function isHttpUrl(value: string | undefined | null): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Up to two initials from a name, falling back to `?`:
 * `initialsOf('Alex Rivera') === 'AR'`, `initialsOf('kim') === 'K'`.
 */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s._-]+/u)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]];
  const initials = letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
  return initials || '?';
}

/** A stable hue per name, so a person keeps their colour across rows and reloads. */
export function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}
