/**
 * Token authentication for the embedded service: hash the presented token and look the hash up.
 * Only SHA-256 hashes are stored; looking up a hash leaks nothing usable about a token, since
 * an attacker cannot steer the hash of a guess towards a stored one.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { HttpError, MESSAGES } from '../http/pulumi-error.ts';
import type { AuditStore } from '../store/audit-store.ts';
import { effectiveAuthorization, parseAuthorizationHeader } from './credentials.ts';
import { hashToken } from './hash-token.ts';

/** The login owning `plainToken`, or undefined. */
export function authenticateToken(store: AuditStore, plainToken: string): string | undefined {
  return store.findToken(hashToken(plainToken))?.login;
}

/** Proxy mode, where only Pulumi Cloud can check a token: answers 401 unless one is presented. */
export const requireCredentials: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (parseAuthorizationHeader(effectiveAuthorization(c)) === undefined) {
    throw new HttpError(401, MESSAGES.unauthorized);
  }
  await next();
};

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
