import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IndexSession, IndexStatus } from '../../../lib/range-index/index-session.ts';
import { useSessionStatus } from './use-session-status.ts';

/** The part of a session the hook reads: its status and a subscription. */
function fakeSession(status: IndexStatus) {
  const listeners = new Set<() => void>();
  const session = {
    status,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(next: IndexStatus) {
      session.status = next;
      for (const listener of listeners) listener();
    },
    listeners,
  };
  return session;
}

const statusAt = (revision: number, events = 0): IndexStatus => ({
  state: 'loading',
  progress: { events, oldest: undefined, newest: undefined },
  revision,
});

describe('useSessionStatus', () => {
  it('is idle without a session', () => {
    const { result } = renderHook(() => useSessionStatus(undefined));
    expect(result.current.state).toBe('idle');
  });

  it('reads a session as it is, then follows its changes', () => {
    const session = fakeSession(statusAt(1, 10));
    const { result } = renderHook(() => useSessionStatus(session as unknown as IndexSession));
    expect(result.current.revision).toBe(1);
    act(() => session.change(statusAt(2, 500)));
    expect(result.current.progress.events).toBe(500);
  });

  it('does not miss a change between the render and the subscription', () => {
    const session = fakeSession(statusAt(1));
    const { result, rerender } = renderHook(
      ({ s }) => {
        const status = useSessionStatus(s);
        // Changed while rendering, before the effect subscribes.
        if (s && s.status.revision === 1) (s as unknown as typeof session).status = statusAt(3);
        return status;
      },
      { initialProps: { s: session as unknown as IndexSession | undefined } },
    );
    rerender({ s: session as unknown as IndexSession });
    expect(result.current.revision).toBe(3);
  });

  it('takes a new session at once and lets the old one go', () => {
    const first = fakeSession(statusAt(5));
    const second = fakeSession(statusAt(1, 7));
    const { result, rerender } = renderHook(({ s }) => useSessionStatus(s), {
      initialProps: { s: first as unknown as IndexSession },
    });
    rerender({ s: second as unknown as IndexSession });
    expect(result.current.progress.events).toBe(7);
    expect(first.listeners.size).toBe(0);
    act(() => first.change(statusAt(9, 99)));
    expect(result.current.progress.events).toBe(7);
  });
});
