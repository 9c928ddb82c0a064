import { createBrowserRouter, Navigate, useParams } from 'react-router';
import { ConsoleLayout } from './layout/console-layout.tsx';
import { orgAuditLogPath } from './paths.ts';
import { AuditLogRoute } from './routes/audit-log-route.tsx';
import { HomeRoute } from './routes/home-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { SignInRoute } from './routes/sign-in-route.tsx';

function OrgIndexRedirect() {
  const { org = '' } = useParams();
  return <Navigate to={orgAuditLogPath(org)} replace />;
}

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/', Component: HomeRoute },
    { path: '/sign-in', Component: SignInRoute },
    {
      path: '/orgs/:org',
      Component: ConsoleLayout,
      children: [
        { index: true, Component: OrgIndexRedirect },
        { path: 'audit-logs', Component: AuditLogRoute },
      ],
    },
    { path: '*', Component: NotFoundRoute },
  ]);
}
