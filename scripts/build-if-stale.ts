/**
 * Builds the app into dist/ when it is missing or older than any of its sources, so
 * `npm start` always serves what the working tree says.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** Newest modification time (ms) of a file or, recursively, of anything inside a folder. */
export function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stat.mtimeMs,
  );
}

/** True when dist/index.html is missing or older than the newest source. */
export function isBuildStale(root = repoRoot): boolean {
  const builtAt = newestMtime(path.join(root, 'dist', 'index.html'));
  if (builtAt === 0) return true;
  const sourcesAt = Math.max(...SOURCES.map((source) => newestMtime(path.join(root, source))));
  return sourcesAt > builtAt;
}

export async function buildIfStale(): Promise<void> {
  if (!isBuildStale()) return;
  console.info('Building the console (dist/ is missing or older than its sources)…');
  const { build } = await import('vite');
  await build({ root: repoRoot, logLevel: 'warn' });
}
