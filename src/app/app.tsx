/** The app's providers: one QueryClient (with the retry and auth policy) and the router. */
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
// react-router/dom's provider: navigations that must not wait (sign-out) can flush at once.
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './query-client.ts';
import { redirectToSignIn } from './redirect-to-sign-in.ts';
import { createAppRouter } from './router.tsx';

function createApp() {
  // The router's first navigation starts the session check, so the client comes first.
  const queryClient = createQueryClient({ onUnauthorized: () => redirectToSignIn(router) });
  const router = createAppRouter(queryClient);
  return { router, queryClient };
}

export function App() {
  const [{ router, queryClient }] = useState(createApp);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
