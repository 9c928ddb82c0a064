/**
 * Pulumi-style error bodies (`{"code": 400, "message": "…"}`) and the one place that turns a
 * thrown error into a response, so no bad input ever surfaces as a bare 500.
 */
import type { Context, ErrorHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../../common/pulumi/wire-types.ts';
import { logField, logLine, type LogLine } from '../log-line.ts';

export const MESSAGES = {
  unauthorized: 'Unauthorized: No credentials provided or are invalid.',
  forbidden: 'You do not have permission to perform this operation.',
  notEnterprise: 'Audit Logs is available only to organizations with an Enterprise subscription.',
  userNotFound: 'user not found',
  invalidContinuationToken: 'invalid continuationToken',
  notFound: 'Not found',
  internal: 'Internal Server Error',
} as const;

/** An expected failure carrying its HTTP status and a message safe to show the caller. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Pulumi's error body: `errorBody(404, 'user not found')` → `{code: 404, message: 'user not found'}`. */
export function errorBody(code: number, message: string): ApiErrorBody {
  return { code, message };
}

/** Answers with a Pulumi error body. */
export function pulumiError(c: Context, status: ContentfulStatusCode, message: string): Response {
  return c.json(errorBody(status, message), status);
}

/** Maps `HttpError` to its body; anything else is logged (message and stack only) as a 500. */
export function createErrorHandler(log: LogLine): ErrorHandler {
  return (error, c) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return pulumiError(c, error.status, error.message);
    }
    // The path is the client's and the stack spans lines: escaped, the entry stays one line.
    log(
      logLine`error ${logField(c.req.method)} ${logField(c.req.path)}: ${error.stack ?? String(error)}`,
    );
    return pulumiError(c, 500, MESSAGES.internal);
  };
}
