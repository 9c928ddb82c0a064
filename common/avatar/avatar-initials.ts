/**
 * The one or two characters an avatar shows for a display name, in the console and in the
 * server's generated SVGs alike. Splits by grapheme (so "Zoë", a decomposed "é" or an emoji
 * stays whole) and follows each script's convention: Latin-like names give first and last
 * initials, CJK and Hangul names their first character.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const LETTER = /^\p{L}/u;
const WIDE_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Scripts written right to left: two initials would read in the wrong order, so use one. */
const RTL_SCRIPT = /^[\p{Script=Arabic}\p{Script=Hebrew}]/u;

function firstGrapheme(text: string): string {
  for (const { segment } of segmenter.segment(text)) return segment;
  return '';
}

/**
 * Words of a name; a single word that is a login (`ci-deploy`, `jane.doe`) splits at its
 * punctuation, while a hyphenated surname in a full name stays one word.
 */
function wordsOf(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.length === 1 ? (words[0] as string).split(/[._-]+/).filter(Boolean) : words;
}

/**
 * Initials of a name, falling back to the login: `initialsOf('Zoë Ångström', 'zoe') === 'ZÅ'`,
 * `initialsOf('山田 太郎', 'ty') === '山'`, `initialsOf('🚀', 'rocket') === '🚀'`.
 */
export function initialsOf(name: string, login: string): string {
  const words = wordsOf(name);
  const lettered = words.filter((word) => LETTER.test(word));
  const first = lettered[0];
  if (!first) return firstGrapheme(words[0] ?? '') || firstGrapheme(login).toUpperCase() || '?';
  const initial = firstGrapheme(first);
  if (WIDE_SCRIPT.test(initial) || RTL_SCRIPT.test(initial) || lettered.length === 1) {
    return initial.toUpperCase();
  }
  // First and last name only: middle names and particles ("von", "de") would crowd the circle.
  const last = lettered[lettered.length - 1] as string;
  return `${initial}${firstGrapheme(last)}`.toUpperCase();
}
