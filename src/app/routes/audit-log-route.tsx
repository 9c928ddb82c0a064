import { useParams } from 'react-router';
import { AuditLogPage } from '../../features/audit-log/components/audit-log-page.tsx';
import { useViewQuery } from '../../features/audit-log/view/use-view-query.ts';
import { ExportButton } from '../../features/export/components/export-button.tsx';

/** The log page, with the export composed into its toolbar (features never import each other). */
export function AuditLogRoute() {
  const { org = '' } = useParams();
  const { query, tz } = useViewQuery(org);
  return (
    <AuditLogPage
      // A new organization is a new page: no filter state or scroll position carries over.
      key={org}
      org={org}
      toolbarActions={<ExportButton query={query} view={{ tz }} />}
    />
  );
}
