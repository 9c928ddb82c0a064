/**
 * The signed-in frame: checks the session once, then shows the header and the page. Pages are
 * not rendered before the user is known, so a lost session costs one request, not many.
 */
import { useQuery } from '@tanstack/react-query';
import { Outlet, useParams } from 'react-router';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { KeyboardShortcutsDialog } from '../../components/keyboard-shortcuts-dialog.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { currentUserQueries } from '../../features/auth/api/get-current-user.ts';
import { isUnauthorized } from '../../lib/api-client.ts';
import { AppHeader } from './app-header.tsx';
import { SkipLink } from './skip-link.tsx';
import { usePageShortcuts } from './use-page-shortcuts.ts';

export function ConsoleLayout() {
  const { org = '' } = useParams();
  const me = useQuery(currentUserQueries.me());
  const shortcuts = usePageShortcuts();

  if (me.isPending || (me.isError && isUnauthorized(me.error))) {
    return (
      <div className="page-center" role="status">
        <Spinner size={20} />
        <span>Checking your session…</span>
      </div>
    );
  }
  if (me.isError) {
    return (
      <main className="page-center">
        <EmptyState
          title="The console could not start"
          icon="warning"
          tone="error"
          actions={
            <Button variant="primary" onClick={() => void me.refetch()}>
              Retry
            </Button>
          }
        >
          <p>Your session could not be checked: {me.error.message}. This is usually temporary.</p>
        </EmptyState>
      </main>
    );
  }
  return (
    <div className="console">
      <SkipLink />
      <AppHeader user={me.data} org={org} onShowShortcuts={shortcuts.showList} />
      <main className="console__main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
      {shortcuts.listOpen ? <KeyboardShortcutsDialog onClose={shortcuts.closeList} /> : null}
    </div>
  );
}
