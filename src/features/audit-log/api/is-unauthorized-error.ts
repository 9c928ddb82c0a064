import { ApiError } from '../../../lib/api-client.ts';

/** A lost session; the app is already on its way to sign-in, so the page shows no error for it. */
export function isUnauthorizedError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
