/**
 * Rewrites a URL holding values the view cannot use to the URL of what is shown, replacing the
 * history entry, and keeps what was dropped in the entry's state so the notice survives.
 */
import { useCallback, useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { serializeViewParams, type IgnoredParam } from './view-params.ts';
import type { AuditLogViewState } from './use-audit-log-view.ts';

interface IgnoredState {
  ignoredParams: IgnoredParam[];
  /** The notice's title when the values were dropped by something else than the link. */
  ignoredTitle?: string;
}

/** The history state that opens a view with a notice of what was left behind, and why. */
export function droppedParamsState(ignored: IgnoredParam[], title: string): IgnoredState {
  return { ignoredParams: ignored, ignoredTitle: title };
}

function isIgnoredState(state: unknown): state is IgnoredState {
  return (
    typeof state === 'object' &&
    state !== null &&
    Array.isArray((state as Partial<IgnoredState>).ignoredParams)
  );
}

export interface CanonicalViewUrl {
  /** What the link that opened this view held and the view dropped. */
  ignored: IgnoredParam[];
  /** Why they were dropped, when not because the link held them (switching organization). */
  title?: string;
  dismiss: () => void;
}

export function useCanonicalViewUrl({ view, ignored }: AuditLogViewState): CanonicalViewUrl {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const state: unknown = location.state;

  useEffect(() => {
    if (ignored.length === 0) return;
    setSearchParams(serializeViewParams(view), {
      replace: true,
      state: { ignoredParams: ignored } satisfies IgnoredState,
    });
  }, [ignored, view, setSearchParams]);

  const dismiss = useCallback(
    () => setSearchParams(searchParams, { replace: true, state: null }),
    [searchParams, setSearchParams],
  );
  return isIgnoredState(state)
    ? { ignored: state.ignoredParams, title: state.ignoredTitle, dismiss }
    : { ignored, dismiss };
}
