/**
 * Serves the built console (`dist/`, found from this file, not the working directory) and sets
 * the security headers every response carries.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './http/app-env.ts';
import { isHttpsRequest } from './http/request-origin.ts';

export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

/** Half a year; sent only over https, where it means something and cannot lock out a plain-http setup. */
const HSTS = 'max-age=15552000; includeSubDomains';

/**
 * CSP, nosniff, no-referrer and DENY framing on every response, whichever route made it; HSTS
 * on those the browser received over https (directly or through a TLS-terminating proxy).
 */
export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await headers(c, next);
    if (isHttpsRequest(c)) c.header('Strict-Transport-Security', HSTS);
  };
}

const NOT_BUILT =
  'The console has not been built yet. Run `npm run build`, then reload this page.\n';

/** Source maps are not shipped (vite.config.ts); one left in dist/ by hand is not served either. */
const isSourceMap = (requestPath: string) => requestPath.endsWith('.map');

/** Paths the app's client-side router owns; the rest belong to the server. */
function isAppPath(requestPath: string): boolean {
  return !/^\/(api|console|avatars|assets)(\/|$)/.test(requestPath);
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/** Registers static files and the index.html fallback; call after every other route. */
export function registerStaticHosting(app: Hono<AppEnv>, distDir = DEFAULT_DIST_DIR): void {
  const indexFile = path.join(distDir, 'index.html');
  let files: { assets: MiddlewareHandler; others: MiddlewareHandler } | undefined;
  // Made once dist/ exists, which may be after start-up: `npm run build` beside a running server.
  const staticFiles = () => {
    if (files || !existsSync(distDir)) return files;
    // serveStatic documents only cwd-relative roots.
    const root = path.relative(process.cwd(), distDir) || '.';
    files = {
      // Vite content-hashes everything under /assets, so a name never changes its bytes.
      assets: serveStatic({
        root,
        onFound: (_f, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
      others: serveStatic({ root, onFound: (_f, c) => c.header('Cache-Control', 'no-cache') }),
    };
    return files;
  };
  app.use('*', (c, next) => {
    const handlers = isRead(c.req.method) && !isSourceMap(c.req.path) ? staticFiles() : undefined;
    if (!handlers) return next();
    if (c.req.path.startsWith('/assets/')) return handlers.assets(c, next);
    return isAppPath(c.req.path) ? handlers.others(c, next) : next();
  });
  app.get('*', async (c, next) => {
    if (!isAppPath(c.req.path)) return next();
    if (!existsSync(indexFile)) return c.text(NOT_BUILT, 503);
    // Read per page load (not per API call): a rebuild renames the assets it points at.
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(indexFile, 'utf8'));
  });
}
