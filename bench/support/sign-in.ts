/** Signs a benchmark's browser context in, as the console's sign-in page does: a session cookie. */
import type { BrowserContext } from '@playwright/test';

/** Posts `token` to `/console/session` of `baseURL` from `context` (same origin, so allowed). */
export async function signIn(context: BrowserContext, baseURL: string, token: string) {
  const session = await context.request.post(`${baseURL}/console/session`, {
    data: { token },
    headers: { Origin: baseURL },
  });
  if (!session.ok()) throw new Error(`sign-in failed: ${session.status()}`);
}
