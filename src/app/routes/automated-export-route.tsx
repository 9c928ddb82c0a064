import { Link, useParams } from 'react-router';
import { AutomatedExportPage } from '../../features/automated-export/components/automated-export-page.tsx';
import '../../styles/automated-export.css';
import { orgAuditLogPath } from '../paths.ts';

/** Automated export's settings, reached from the log's "⋯" menu. */
export function AutomatedExportRoute() {
  const { org = '' } = useParams();
  return (
    <AutomatedExportPage
      key={org}
      org={org}
      backLink={
        <Link className="link-btn" to={orgAuditLogPath(org)}>
          ← Audit log
        </Link>
      }
    />
  );
}
