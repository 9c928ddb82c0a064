/**
 * Control characters in exported text. CSV has no escape for them and CEF defines none beyond
 * line breaks; raw, a NUL cuts a cell short in many tools and an ESC moves a terminal's cursor
 * when the file is shown. Both exports (the browser's and the server's, which share this code)
 * write them as their Unicode control pictures instead: visible, and still telling which one.
 * Tab and line breaks stay, since both formats carry them (CSV in quotes, CEF escaped).
 */

// eslint-disable-next-line no-control-regex
const HIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** `showControlPictures('a\u0000b\u001b') === 'a\u2400b\u241b'`; DEL becomes U+2421. */
export function showControlPictures(text: string): string {
  return text.replace(HIDDEN_CONTROLS, (ch) =>
    ch === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + ch.charCodeAt(0)),
  );
}
