/**
 * Token authentication for the embedded service: hash the presented token, look the hash up,
 * and compare in constant time so the comparison leaks nothing about stored hashes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { HttpError, MESSAGES } from '../http/pulumi-error.ts';
import type { AuditStore } from '../store/audit-store.ts';
import { effectiveAuthorization, parseAuthorizationHeader } from './credentials.ts';
import { hashToken } from './hash-token.ts';

/** The login owning `plainToken`, or undefined. */
export function authenticateToken(store: AuditStore, plainToken: string): string | undefined {
  const hash = hashToken(plainToken);
  const stored = store.findToken(hash);
  if (!stored) return undefined;
  const presented = Buffer.from(hash, 'hex');
  const expected = Buffer.from(stored.hash, 'hex');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
    return undefined;
  return stored.login;
}

/** Sets `login` or answers 401 with Pulumi's message. */
export function requireUser(store: AuditStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = parseAuthorizationHeader(effectiveAuthorization(c));
    const login = token === undefined ? undefined : authenticateToken(store, token);
    if (login === undefined) throw new HttpError(401, MESSAGES.unauthorized);
    c.set('login', login);
    await next();
  };
}
