/**
 * The `alc_session` cookie: its attributes, its idle policy, and the middleware that turns a
 * valid cookie into credentials for `/api/*` when no Authorization header was sent.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env.ts';
import { isHttpsRequest } from '../http/request-origin.ts';
import type { SessionRevocations } from './session-revocations.ts';
import { sealSession, unsealSession, type SessionData } from './session-seal.ts';

export const SESSION_COOKIE = 'alc_session';
/** A working day of inactivity ends a session. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** However active, a session ends this long after sign-in (the token is asked for again). */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** `lastSeen` is refreshed at most this often, to avoid a Set-Cookie on every request. */
export const SESSION_REFRESH_MS = 5 * 60 * 1000;
/** Tolerated clock skew between instances sharing SESSION_SECRET. */
const CLOCK_SKEW_MS = 60 * 1000;

export interface SessionOptions {
  key: Buffer;
  now: () => number;
  revocations: SessionRevocations;
}

/** `'valid'`, `'refresh'` (valid, re-seal it) or `'expired'` at time `now` (ms). */
export function sessionState(data: SessionData, now: number): 'valid' | 'refresh' | 'expired' {
  const idle = now - data.lastSeen;
  if (idle >= SESSION_IDLE_MS || -idle > CLOCK_SKEW_MS) return 'expired';
  if (now - data.issuedAt >= SESSION_LIFETIME_MS || data.issuedAt - now > CLOCK_SKEW_MS) {
    return 'expired';
  }
  return idle >= SESSION_REFRESH_MS ? 'refresh' : 'valid';
}

/** Sets the sealed cookie with the attributes of decision 002; the browser keeps it no longer than the session lives. */
export function writeSessionCookie(c: Context, options: SessionOptions, data: SessionData): void {
  const remaining = data.issuedAt + SESSION_LIFETIME_MS - data.lastSeen;
  setCookie(c, SESSION_COOKIE, sealSession(options.key, data), {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.floor(Math.min(SESSION_IDLE_MS, remaining) / 1000),
    secure: isHttpsRequest(c),
  });
}

/**
 * Signs the cookie's session out for good: its id is refused until the session's absolute end,
 * which no copy of the cookie (however recently refreshed) can outlive.
 */
export function revokeSessionCookie(c: Context, options: SessionOptions): void {
  const sealed = getCookie(c, SESSION_COOKIE);
  const data = sealed === undefined ? undefined : unsealSession(options.key, sealed);
  if (data) {
    const now = options.now();
    options.revocations.revoke(data.id, data.issuedAt + SESSION_LIFETIME_MS + CLOCK_SKEW_MS, now);
  }
  clearSessionCookie(c);
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttpsRequest(c),
  });
}

/** For `/api/*`: a valid cookie supplies the token; an invalid or expired one is cleared. */
export function sessionCredentials(options: SessionOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sealed = getCookie(c, SESSION_COOKIE);
    if (sealed !== undefined && c.req.header('authorization') === undefined) {
      const data = unsealSession(options.key, sealed);
      const now = options.now();
      const signedOut = data !== undefined && options.revocations.isRevoked(data.id, now);
      const state = data && !signedOut ? sessionState(data, now) : 'expired';
      if (!data || state === 'expired') {
        clearSessionCookie(c);
      } else {
        c.set('sessionToken', data.token);
        if (state === 'refresh') writeSessionCookie(c, options, { ...data, lastSeen: now });
      }
    }
    await next();
  };
}
