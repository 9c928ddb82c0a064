import { useParams } from 'react-router';
import { AuditLogPage } from '../../features/audit-log/components/audit-log-page.tsx';

/**
 * The log page with the app's toolbar actions.
 * EXPORT: the lead wires `ExportButton` (src/features/export/components/export-button.tsx) here:
 *   const { query, tz } = useViewQuery(org);   // from features/audit-log/view/use-view-query.ts
 *   toolbarActions={<ExportButton query={query} view={{ tz }} />}
 */
export function AuditLogRoute() {
  const { org = '' } = useParams();
  return <AuditLogPage key={org} org={org} toolbarActions={null} />;
}
