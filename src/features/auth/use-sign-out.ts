import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { forgetAllStoredIndexes } from '../../lib/range-index/index-store.ts';
import { deleteSession } from './api/session.ts';
import { SIGN_IN_PATH } from './return-to.ts';

/**
 * Ends the session on the server, leaves for sign-in, then forgets everything cached;
 * `signOut()` resolves true once signed out.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [state, setState] = useState<'idle' | 'pending' | 'failed'>('idle');
  const signOut = async () => {
    setState('pending');
    try {
      await deleteSession();
    } catch {
      // The cookie is still there: saying "signed out" now would be a lie.
      setState('failed');
      return false;
    }
    // At once, not as a transition: a transition waits behind whatever the page renders (a
    // read's progress), and the page, still there, would fetch again into the cleared cache
    // and keep its index again after it was forgotten.
    await navigate(SIGN_IN_PATH, { replace: true, flushSync: true });
    queryClient.clear();
    // The audit log this browser kept for later visits goes with the session.
    await forgetAllStoredIndexes().catch(() => undefined);
    setState('idle');
    return true;
  };
  return { signOut, state };
}
