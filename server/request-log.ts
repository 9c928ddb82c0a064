/**
 * One line per request: method, path, status, milliseconds. Never headers, query strings or
 * bodies: any of them may carry a token.
 */
import type { MiddlewareHandler } from 'hono';

export type LogLine = (line: string) => void;

/** `formatRequestLine('GET', '/api/user', 200, 3.2) === 'GET /api/user 200 3ms'`. */
export function formatRequestLine(
  method: string,
  path: string,
  status: number,
  ms: number,
): string {
  return `${method} ${path} ${status} ${Math.round(ms)}ms`;
}

export function requestLog(log: LogLine): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log(formatRequestLine(c.req.method, c.req.path, c.res.status, performance.now() - started));
  };
}
