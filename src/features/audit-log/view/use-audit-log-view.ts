/**
 * The log page's view, read from and written to the URL. Every change is exactly one
 * `setSearchParams` call (react-router keeps only the last call of a tick).
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseViewParams, serializeViewParams, type IgnoredParam } from './view-params.ts';
import type { AuditLogView } from './view-schema.ts';

/** How a change of view enters the history: replacing the entry, with state for the next page. */
export interface ViewNavigation {
  replace?: boolean;
  state?: unknown;
}

export interface AuditLogViewState {
  view: AuditLogView;
  /** What the current URL holds that the view cannot use. */
  ignored: IgnoredParam[];
  /** Pushes a new view (a history entry, so Back returns to the previous one). */
  setView: (view: AuditLogView, options?: ViewNavigation) => void;
  /** Pushes the current view with some fields changed. */
  updateView: (patch: Partial<AuditLogView>) => void;
}

export function useAuditLogView(): AuditLogViewState {
  const [searchParams, setSearchParams] = useSearchParams();
  const { view, ignored } = useMemo(() => parseViewParams(searchParams), [searchParams]);
  const setView = useCallback(
    (next: AuditLogView, options?: ViewNavigation) =>
      setSearchParams(serializeViewParams(next), options),
    [setSearchParams],
  );
  const updateView = useCallback(
    (patch: Partial<AuditLogView>) => setView({ ...view, ...patch }),
    [setView, view],
  );
  return { view, ignored, setView, updateView };
}
