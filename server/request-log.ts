/**
 * One line per request: method, path, status, milliseconds. Never headers, query strings or
 * bodies: any of them may carry a token.
 */
import type { MiddlewareHandler } from 'hono';
import { logField, logLine, type LogLine, type LogText } from './log-line.ts';

/**
 * `formatRequestLine('GET', '/api/user', 200, 3.2) === 'GET /api/user 200 3ms'`; the method and
 * path are escaped as fields (`/a b` shows `/a\x20b`), so a line always has four.
 */
export function formatRequestLine(
  method: string,
  path: string,
  status: number,
  ms: number,
): LogText {
  return logLine`${logField(method)} ${logField(path)} ${status} ${Math.round(ms)}ms`;
}

export function requestLog(log: LogLine): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log(formatRequestLine(c.req.method, c.req.path, c.res.status, performance.now() - started));
  };
}
