import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { Spinner } from '../../components/spinner.tsx';
import { currentUserQueries } from '../../features/auth/api/get-current-user.ts';
import { adminOrganizations } from '../../features/auth/org-roles.ts';
import { SIGN_IN_PATH } from '../../features/auth/return-to.ts';
import { orgAuditLogPath } from '../paths.ts';

/** `/`: the first organization the user administers, or sign-in. */
export function HomeRoute() {
  const me = useQuery(currentUserQueries.me());
  if (me.isPending) {
    return (
      <div className="page-center" role="status">
        <Spinner size={20} label="Loading" />
      </div>
    );
  }
  const first = me.data ? adminOrganizations(me.data)[0] : undefined;
  return <Navigate to={first ? orgAuditLogPath(first.githubLogin) : SIGN_IN_PATH} replace />;
}
