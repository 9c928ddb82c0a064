import { useParams } from 'react-router';
import { AuditLogPage } from '../../features/audit-log/components/audit-log-page.tsx';
import { useViewSnapshot } from '../../features/audit-log/view/use-view-snapshot.ts';
import { ExportButton } from '../../features/export/components/export-button.tsx';

/**
 * The log page, with the export composed into its toolbar (features never import each other).
 * The export is given the bounds of the table's own pages, so the file holds exactly its rows.
 */
export function AuditLogRoute() {
  const { org = '' } = useParams();
  const { query, tz } = useViewSnapshot(org);
  return (
    <AuditLogPage
      // A new organization is a new page: no filter state or scroll position carries over.
      key={org}
      org={org}
      toolbarActions={<ExportButton query={query ?? { org }} view={{ tz }} disabled={!query} />}
    />
  );
}
