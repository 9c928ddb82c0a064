import { useParams } from 'react-router';
import { AuditLogPage } from '../../features/audit-log/components/audit-log-page.tsx';
import { useIndexedExportSource } from '../../features/audit-log/search/use-indexed-export.ts';
import { useAuditLogViewModel } from '../../features/audit-log/view/use-audit-log-view-model.ts';
import type { ViewStatus } from '../../features/audit-log/view/view-model.ts';
import { AccessWayOn } from '../../features/auth/components/access-way-on.tsx';
import { ExportButton } from '../../features/export/components/export-button.tsx';
import { orgAuditLogPath, orgAutomatedExportPath } from '../paths.ts';

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

/** The log's "⋯" menu: one line per settings page. */
const pageLinks = (org: string) => [{ label: 'Automated export', to: orgAutomatedExportPath(org) }];

/**
 * The log page, with the export composed in as its primary action (features never import each
 * other). Both read the page's one view model: the export is given the bounds of the table's own
 * pages, so the file holds exactly its rows, and the range index's events when it holds them, so
 * DOWNLOAD does not read them again.
 */
export function AuditLogRoute() {
  const { org = '' } = useParams();
  // A new organization is a new page: no filter state or scroll position carries over.
  return <AuditLogOfOrg key={org} org={org} />;
}

function AuditLogOfOrg({ org }: { org: string }) {
  const model = useAuditLogViewModel(org);
  const { query, status, view, indexSearch } = model;
  const openIndexedSource = useIndexedExportSource(model);
  return (
    <AuditLogPage
      model={model}
      primaryAction={({ searchFoundNothing }) => {
        const blockedReason = downloadBlockedReason(status, searchFoundNothing);
        return (
          <ExportButton
            query={query ?? { org }}
            search={indexSearch}
            view={{ tz: view.tz }}
            disabled={!query || blockedReason !== undefined}
            disabledReason={blockedReason}
            openIndexedSource={openIndexedSource}
          />
        );
      }}
      accessWayOn={<AccessWayOn org={org} orgPath={orgAuditLogPath} />}
      pageLinks={pageLinks(org)}
    />
  );
}
