import type { createBrowserRouter } from 'react-router';
import { SIGN_IN_PATH, signInPath } from '../features/auth/return-to.ts';

type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * Sends the user to sign-in with the current path+query as the return address. Several queries
 * can fail at once; only the first navigation happens.
 */
export function redirectToSignIn(router: AppRouter): void {
  const { pathname, search } = router.state.location;
  if (pathname === SIGN_IN_PATH) return;
  void router.navigate(signInPath(pathname + search), { replace: true });
}
