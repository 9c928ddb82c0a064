/**
 * The index session's status as React state, its changes rendered as transitions: a read's
 * progress redraws the count, chart and facets (a whole page of components) a few times a
 * second, and as a transition that render yields to scrolling and typing instead of holding
 * the frame. (`useSyncExternalStore` would render every change at once, ahead of input.)
 */
import { startTransition, useEffect, useState } from 'react';
import type { IndexSession, IndexStatus } from '../../../lib/range-index/index-session.ts';

const IDLE: IndexStatus = {
  state: 'idle',
  progress: { events: 0, oldest: undefined, newest: undefined },
  revision: 0,
};

export function useSessionStatus(session: IndexSession | undefined): IndexStatus {
  const [seen, setSeen] = useState(() => ({ session, status: session?.status ?? IDLE }));
  useEffect(() => {
    if (!session) return;
    const take = () => setSeen({ session, status: session.status });
    // A change between the render and this subscription is not lost.
    if (session.status !== seen.status) take();
    return session.subscribe(() => startTransition(take));
    // `seen` is read once per session: later changes arrive through the subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  // A new session is read as it is, before its first change arrives.
  if (seen.session !== session) return session?.status ?? IDLE;
  return seen.status;
}
