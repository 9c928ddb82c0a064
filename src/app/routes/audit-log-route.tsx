import { useParams } from 'react-router';
import { AuditLogPage } from '../../features/audit-log/components/audit-log-page.tsx';
import { useIndexedExportSource } from '../../features/audit-log/search/use-indexed-export.ts';
import { useViewSnapshot } from '../../features/audit-log/view/use-view-snapshot.ts';
import { useViewStatus, type ViewStatus } from '../../features/audit-log/view/use-view-status.ts';
import { AccessWayOn } from '../../features/auth/components/access-way-on.tsx';
import { ExportButton } from '../../features/export/components/export-button.tsx';
import { orgAuditLogPath } from '../paths.ts';

/**
 * Why DOWNLOAD cannot run for a loaded view, in words, or undefined when it can (while the view
 * loads, the button is simply not ready yet).
 */
export function downloadBlockedReason(
  status: ViewStatus,
  searchFoundNothing = false,
): string | undefined {
  if (status.state === 'empty' || searchFoundNothing) return 'No events in this view to download.';
  if (status.state === 'failed')
    return 'The view could not be loaded, so there is nothing to download.';
  return undefined;
}

/**
 * The log page, with the export composed in as its primary action (features never import each
 * other). The export is given the bounds of the table's own pages, so the file holds exactly its
 * rows, and the range index's events when it holds them, so DOWNLOAD does not read them again.
 */
export function AuditLogRoute() {
  const { org = '' } = useParams();
  const { query, tz, search } = useViewSnapshot(org);
  const status = useViewStatus(org);
  const openIndexedSource = useIndexedExportSource(org);
  return (
    <AuditLogPage
      // A new organization is a new page: no filter state or scroll position carries over.
      key={org}
      org={org}
      primaryAction={({ searchFoundNothing }) => {
        const blockedReason = downloadBlockedReason(status, searchFoundNothing);
        return (
          <ExportButton
            query={query ?? { org }}
            search={search}
            view={{ tz }}
            disabled={!query || blockedReason !== undefined}
            disabledReason={blockedReason}
            openIndexedSource={openIndexedSource}
          />
        );
      }}
      accessWayOn={<AccessWayOn org={org} orgPath={orgAuditLogPath} />}
    />
  );
}
