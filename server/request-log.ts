/**
 * One line per request: method, path, status, milliseconds. Never headers, query strings or
 * bodies: any of them may carry a token.
 */
import type { MiddlewareHandler } from 'hono';

export type LogLine = (line: string) => void;

/** Control characters, Unicode line breaks, spaces (so a line keeps four fields) and the escape character. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * The path as it may appear in a log line: control characters escaped so a request cannot
 * start a line of its own: `logSafePath('/a\nb') === '/a\\nb'`.
 */
export function logSafePath(path: string): string {
  return path.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return (
      NAMED[ch] ??
      (code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`)
    );
  });
}

/** `formatRequestLine('GET', '/api/user', 200, 3.2) === 'GET /api/user 200 3ms'`. */
export function formatRequestLine(
  method: string,
  path: string,
  status: number,
  ms: number,
): string {
  return `${method} ${logSafePath(path)} ${status} ${Math.round(ms)}ms`;
}

export function requestLog(log: LogLine): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log(formatRequestLine(c.req.method, c.req.path, c.res.status, performance.now() - started));
  };
}
