/**
 * The console session: the token is posted once and kept by the server in an HttpOnly cookie.
 * Deliberately not a React Query mutation, whose cache would keep the token as its variables.
 */
import { apiRequest, ignoreBody } from '../../../lib/api-client.ts';
import type { CurrentUser } from '../../../../common/pulumi/wire-types.ts';
import { checkCurrentUser } from './check-current-user.ts';

/** Signs in; the answer is the token's user (`GET /api/user`). */
export function createSession(token: string): Promise<CurrentUser> {
  return apiRequest('POST', '/console/session', checkCurrentUser, { token });
}

/** Signs out: the server clears the cookie. */
export function deleteSession(): Promise<void> {
  return apiRequest('DELETE', '/console/session', ignoreBody);
}
