/**
 * DOWNLOAD joins the console's own read of the range: when the range index holds the view (or
 * a read in flight will), the export is served from it and sends no list request; otherwise
 * the export reads the API itself. The app hands this to the export feature.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { JoinWaitListener, PrepareAhead } from '../../../lib/range-index/index-session.ts';
import { viewRange } from '../../../lib/range-reader/fetch-window-page.ts';
import type { AuditLogViewModel } from '../view/use-audit-log-view-model.ts';
import { searchQueries } from './search-queries.ts';

/** `const open = useIndexedExportSource(model); const port = await open(signal);` */
export function useIndexedExportSource({
  org,
  query,
  search,
}: Pick<AuditLogViewModel, 'org' | 'query' | 'search'>): (
  signal: AbortSignal,
  onWait?: JoinWaitListener,
  onPrepare?: PrepareAhead,
) => Promise<MessagePort | 'prepared' | undefined> {
  const session = useQuery(searchQueries.session(org)).data;
  const { indexQuery, indexFilter } = search;
  return useCallback(
    async (signal: AbortSignal, onWait?: JoinWaitListener, onPrepare?: PrepareAhead) => {
      if (!session || !query) return undefined;
      const window = viewRange(query, Date.now());
      const request = { window, q: indexQuery, filter: indexFilter };
      return session.streamView(request, signal, onWait, onPrepare);
    },
    [session, query, indexQuery, indexFilter],
  );
}
