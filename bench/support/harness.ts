/**
 * Builds bench/harness with Vite (its own inline config, so the app's config stays as it is) and
 * serves it under `/__bench/` on the test server's origin through Playwright routing, so the
 * session cookie and same-origin fetches work exactly as on the log page.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { PROFILING } from './trace-profile.ts';

export const HARNESS_BASE = '/__bench/';
const harnessRoot = fileURLToPath(new URL('../harness/', import.meta.url));

/**
 * Builds the harness into `{fresh temporary folder}/__bench` and returns that folder; its parent
 * is a root the server can host (startBenchServer's `harnessRoot`): `harnessRootOf(outDir)`.
 */
export async function buildHarness(): Promise<string> {
  const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'export-harness-')), HARNESS_BASE);
  await build({
    configFile: false,
    root: harnessRoot,
    base: HARNESS_BASE,
    logLevel: 'warn',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Function names in CPU profiles (`BENCH_PROFILE=1`).
      minify: !PROFILING,
      // One page per benchmark: the export's button and the scroll benchmark's bare list.
      rollupOptions: {
        input: { index: `${harnessRoot}index.html`, scroll: `${harnessRoot}scroll.html` },
      },
    },
  });
  return outDir;
}

/** The folder to host so that `outDir` is served at HARNESS_BASE. */
export const harnessRootOf = (outDir: string) => path.dirname(outDir);

/** Answers `{baseURL}/__bench/*` in `context` from the built harness. */
export async function serveHarness(
  context: BrowserContext,
  baseURL: string,
  outDir: string,
): Promise<void> {
  await context.route(`${baseURL}${HARNESS_BASE}**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    const relative = pathname.slice(HARNESS_BASE.length) || 'index.html';
    const file = path.join(outDir, relative);
    if (!file.startsWith(outDir) || !existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ path: file });
  });
}
