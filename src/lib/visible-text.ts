/**
 * Bidirectional control characters in text the API sent (names, descriptions) shown as what they
 * are. Left in, an override reorders what follows it: a name "Report\u202Egnp.exe" reads
 * "Reportexe.png". Each becomes a visible mark naming it, so the text shows as it was sent.
 */
const BIDI_CONTROLS: Record<string, string> = {
  '\u061c': 'ALM',
  '\u200e': 'LRM',
  '\u200f': 'RLM',
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};
const BIDI_PATTERN = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `showBidiControls('a\u202Eb') === 'a⟨RLO⟩b'`; text without them comes back as it is. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_PATTERN, (ch) => `⟨${BIDI_CONTROLS[ch] ?? 'BIDI'}⟩`);
}
