import { Link, useParams, useSearchParams } from 'react-router';
import { AlertsPage } from '../../features/alerts/components/alerts-page.tsx';
import { orgAuditLogPath } from '../paths.ts';

/** The Alerts page; `?q=` carries the log's search the admin came from. */
export function AlertsRoute() {
  const { org = '' } = useParams();
  const [params] = useSearchParams();
  return (
    <AlertsPage
      key={org}
      org={org}
      initialQuery={params.get('q') ?? ''}
      backLink={
        <Link className="btn btn--ghost btn--md" to={orgAuditLogPath(org)}>
          Back to the audit log
        </Link>
      }
    />
  );
}
