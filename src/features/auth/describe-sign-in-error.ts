import { ApiError, NetworkError } from '../../lib/api-client.ts';

/** Why a sign-in failed, in words that say what to do. */
export function describeSignInError(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) {
    return 'This token was not accepted. Check that it is a valid Pulumi access token that has not expired.';
  }
  if (error instanceof ApiError && error.status === 400) {
    return 'Enter an access token.';
  }
  if (error instanceof ApiError && error.status === 403) {
    return 'Sign-in is only possible from the console’s own address.';
  }
  if (error instanceof ApiError && error.status === 429) {
    return 'Too many attempts. Wait a moment and try again.';
  }
  if (error instanceof NetworkError) return 'The server could not be reached. Try again.';
  if (error instanceof ApiError) return `Sign-in failed: ${error.message}`;
  return 'Sign-in failed. Try again.';
}
