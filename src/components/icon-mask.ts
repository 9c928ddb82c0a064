/**
 * The console's icons as CSS masks, for places drawn many times a second (the log's rows): an
 * element with `icon-mask` and `iconMaskClass(name)` shows the icon in its text colour as its
 * `::before`, with no SVG elements of its own, so a row entering the view builds one element
 * per icon instead of three. The shapes are `Icon`'s; each one's rule is added on first use.
 */
import { PATHS, type IconName } from './icon.tsx';

const installed = new Set<IconName>();
let sheet: CSSStyleSheet | undefined;

function maskUrl(name: IconName): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="black" ` +
    `stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${PATHS[name]}"/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

function install(name: IconName) {
  installed.add(name);
  // Environments without constructable style sheets (jsdom) keep the class and draw nothing.
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const url = maskUrl(name);
  sheet.insertRule(`.icon-mask--${name}::before{-webkit-mask-image:${url};mask-image:${url}}`);
}

/** The class that draws `name`: `iconMaskClass('robot') === 'icon-mask--robot'`. */
export function iconMaskClass(name: IconName): string {
  if (!installed.has(name)) install(name);
  return `icon-mask--${name}`;
}
