/**
 * The API question a view asks, for actions outside the table (the export). A relative range is
 * resolved when the view is shown, so the export covers what the table was asked for, give or
 * take the seconds between the two requests.
 */
import { useMemo } from 'react';
import type { AuditLogQuery } from '../../../lib/audit-log-query.ts';
import { resolveTimeBounds, toAuditLogQuery } from './time-range.ts';
import { useAuditLogView } from './use-audit-log-view.ts';
import type { TimeZoneMode } from './view-schema.ts';

export interface ViewQuery {
  query: AuditLogQuery;
  tz: TimeZoneMode;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function useViewQuery(org: string): ViewQuery {
  const { view } = useAuditLogView();
  return useMemo(
    () => ({
      query: toAuditLogQuery(org, view, resolveTimeBounds(view, nowSeconds())),
      tz: view.tz,
    }),
    [org, view],
  );
}
