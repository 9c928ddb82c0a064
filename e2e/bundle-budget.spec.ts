/**
 * The size of what a browser downloads, checked against the build in dist/ (`npm test` builds
 * before it runs the browser tests). Budgets are gzip bytes with about 15% headroom over the
 * build they were set on; raise them on purpose, in the same change that needs it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** The JS index.html loads before anything renders: set on 114.6 kB. */
const ENTRY_BUDGET = 132_000;
/**
 * Everything the log page loads on the main thread (entry and its lazy route): set on 177.1 kB,
 * of which TanStack Table's core, the column model the design names, is about 13 kB (note 017).
 */
const LOG_PAGE_BUDGET = 204_000;
/** A string literal of papaparse that survives minification (its field for extra CSV columns). */
const PAPAPARSE_MARK = '__parsed_extra';

const read = (file: string) => readFileSync(path.join(DIST, file));
const gzipSize = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(read(f)).length, 0);

/** The scripts and module preloads index.html names, as paths inside dist/. */
function entryScripts(): string[] {
  const html = read('index.html').toString('utf8');
  const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)];
  return refs.map((match) => match[1]!);
}

/** Every JS chunk of the main thread: all but the workers. */
function mainThreadScripts(): string[] {
  return readdirSync(path.join(DIST, 'assets'))
    .filter((file) => file.endsWith('.js') && !file.includes('.worker'))
    .map((file) => `assets/${file}`);
}

test.describe('bundle budget', () => {
  test.skip(!existsSync(path.join(DIST, 'index.html')), 'no build in dist/ (run `npm run build`)');

  test('the JS loaded by index.html stays within its gzip budget', () => {
    const scripts = entryScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const size = gzipSize(scripts);
    test.info().annotations.push({ type: 'entry gzip bytes', description: String(size) });
    expect(size).toBeLessThanOrEqual(ENTRY_BUDGET);
  });

  test('the log page’s JS stays within its gzip budget', () => {
    const size = gzipSize(mainThreadScripts());
    test.info().annotations.push({ type: 'main-thread gzip bytes', description: String(size) });
    expect(size).toBeLessThanOrEqual(LOG_PAGE_BUDGET);
  });

  test('papaparse is only in the export worker', () => {
    const withPapaparse = readdirSync(path.join(DIST, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .filter((file) => read(`assets/${file}`).includes(PAPAPARSE_MARK));
    expect(withPapaparse.length).toBeGreaterThan(0);
    expect(withPapaparse.every((file) => file.includes('.worker'))).toBe(true);
    for (const script of entryScripts())
      expect(read(script).includes(PAPAPARSE_MARK), script).toBe(false);
  });
});
