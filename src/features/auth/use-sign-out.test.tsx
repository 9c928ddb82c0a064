import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { startTransition, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSignOut } from './use-sign-out.ts';

afterEach(() => vi.unstubAllGlobals());

describe('useSignOut', () => {
  it('leaves the page before forgetting what this browser kept, whatever else is rendering', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    let logMounted = false;
    const mountedAtForget: boolean[] = [];
    vi.stubGlobal('indexedDB', {
      deleteDatabase: () => {
        mountedAtForget.push(logMounted);
        const request = {} as IDBOpenDBRequest;
        queueMicrotask(() => request.onsuccess?.(new Event('success')));
        return request;
      },
    });

    let signOut: () => Promise<boolean> = async () => false;
    function LogPage() {
      ({ signOut } = useSignOut());
      // A read in progress, its progress rendering again and again.
      const [progress, setProgress] = useState(0);
      useEffect(() => {
        logMounted = true;
        const timer = setInterval(() => startTransition(() => setProgress((p) => p + 1)), 1);
        return () => {
          logMounted = false;
          clearInterval(timer);
        };
      }, []);
      return <p>log {progress >= 0 ? 'open' : ''}</p>;
    }
    const router = createMemoryRouter(
      [
        { path: '/log', Component: LogPage },
        { path: '/sign-in', element: <p>sign in</p> },
      ],
      { initialEntries: ['/log'] },
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        {/* As react-router/dom's provider, which the app uses, gives it. */}
        <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
      </QueryClientProvider>,
    );
    expect(screen.getByText('log open')).toBeTruthy();

    await act(async () => {
      expect(await signOut()).toBe(true);
    });

    expect(mountedAtForget).toEqual([false]);
    expect(screen.getByText('sign in')).toBeTruthy();
  });
});
