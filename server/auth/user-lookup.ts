/**
 * "Who is this token?", answered by the embedded store or by Pulumi Cloud (proxy mode). The
 * session endpoint uses it to check a token before sealing it into a cookie.
 */
import type { ApiErrorBody } from '../../common/pulumi/wire-types.ts';
import type { ApiUser } from '../api/current-user.ts';

export type UserLookupResult =
  { ok: true; user: ApiUser } | { ok: false; status: 401 | 502; error: ApiErrorBody };

/** `origin` makes avatar URLs absolute for the caller. */
export type UserLookup = (token: string, origin: string) => Promise<UserLookupResult>;
