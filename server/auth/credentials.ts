import type { Context } from 'hono';
import { MAX_ACCESS_TOKEN_LENGTH } from '../../common/pulumi/api-limits.ts';
import type { AppEnv } from '../http/app-env.ts';

/**
 * The token in an `Authorization` header, scheme case-insensitive:
 * `parseAuthorizationHeader('token pul-abc') === 'pul-abc'`; anything else is `undefined`.
 */
export function parseAuthorizationHeader(header: string | undefined): string | undefined {
  const match = /^token[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  const token = match?.[1];
  return token && token.length <= MAX_ACCESS_TOKEN_LENGTH ? token : undefined;
}

/**
 * The request's credentials as an Authorization value: the header when sent (so scripts and curl
 * win), else the token from the session cookie.
 */
export function effectiveAuthorization(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  if (header !== undefined) return header;
  const sessionToken = c.get('sessionToken');
  return sessionToken === undefined ? undefined : `token ${sessionToken}`;
}
