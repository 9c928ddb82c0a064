/**
 * The header's way to the Alerts page. From the log page it carries the view's search (and the
 * user and event pickers, which are search terms too), so a new rule starts from what is on
 * screen: `/orgs/acme/alerts?q=failed%3Atrue`.
 */
import { Link, useLocation, useSearchParams } from 'react-router';
import { Icon } from '../../components/icon.tsx';
import { orgAlertsPath, orgAuditLogPath } from '../paths.ts';

export function AlertsLink({ org }: { org: string }) {
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const onLog = pathname === orgAuditLogPath(org);
  const user = params.get('user');
  const event = params.get('event');
  const search = onLog
    ? [params.get('q'), user ? `user:${user}` : '', event ? `event:${event}` : '']
        .filter(Boolean)
        .join(' ')
    : '';
  return (
    <Link
      className="link-btn app-header__alerts"
      to={orgAlertsPath(org, search)}
      aria-label="Alerts"
      title={search ? 'Alerts: a new rule starts from this search' : 'Alerts'}
    >
      <Icon name="zap" size={16} />
      <span className="app-header__alerts-text">Alerts</span>
    </Link>
  );
}
