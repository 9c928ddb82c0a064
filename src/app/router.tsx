import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, useParams } from 'react-router';
import { currentUserQueries } from '../features/auth/api/get-current-user.ts';
import { ConsoleLayout } from './layout/console-layout.tsx';
import { orgAuditLogPath } from './paths.ts';
import { HomeRoute } from './routes/home-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { SignInRoute } from './routes/sign-in-route.tsx';

function OrgIndexRedirect() {
  const { org = '' } = useParams();
  return <Navigate to={orgAuditLogPath(org)} replace />;
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    { path: '/', Component: HomeRoute },
    { path: '/sign-in', Component: SignInRoute },
    {
      path: '/orgs/:org',
      Component: ConsoleLayout,
      // The session check starts with the navigation, alongside the page's own code, not after
      // it: on a first visit that code arrives first, and everything on the page waits for both.
      // The layout reads the same query; nothing here waits for its answer.
      loader: () => {
        void queryClient.prefetchQuery(currentUserQueries.me());
        return null;
      },
      // Only an early start: later navigations (every filter writes the URL) leave it be.
      shouldRevalidate: () => false,
      children: [
        { index: true, Component: OrgIndexRedirect },
        {
          path: 'audit-logs',
          // The view's first page alongside the session check, before the page has loaded
          // and rendered: it does not wait for the check (prefetch-view.ts).
          loader: ({ params, request }) => {
            const org = params.org ?? '';
            const address = new URL(request.url).searchParams;
            void import('../features/audit-log/view/prefetch-view.ts')
              .then(({ prefetchView }) => prefetchView(queryClient, org, address))
              .catch(() => undefined);
            return null;
          },
          shouldRevalidate: () => false,
          // The table, its virtualiser, the event catalog and the export UI are a third of the
          // app: sign-in and the session check should not wait for them.
          lazy: async () => ({
            Component: (await import('./routes/audit-log-route.tsx')).AuditLogRoute,
          }),
        },
        {
          path: 'audit-logs/automated-export',
          lazy: async () => ({
            Component: (await import('./routes/automated-export-route.tsx')).AutomatedExportRoute,
          }),
        },
        {
          path: 'alerts',
          lazy: async () => ({
            Component: (await import('./routes/alerts-route.tsx')).AlertsRoute,
          }),
        },
      ],
    },
    { path: '*', Component: NotFoundRoute },
  ]);
}
