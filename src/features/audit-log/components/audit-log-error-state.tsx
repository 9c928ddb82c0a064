import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { Icon } from '../../../components/icon.tsx';
import type { ReactNode } from 'react';
import { isAccessError, type AuditLogErrorText } from '../api/describe-audit-log-error.ts';

interface AuditLogErrorStateProps {
  text: AuditLogErrorText;
  onRetry: () => void;
  onClearUser: () => void;
  /** Shown when the log cannot be opened with this token: another token, another org. */
  accessWayOn?: ReactNode;
}

const ICONS = { forbidden: 'lock', 'not-enterprise': 'lock', network: 'warning' } as const;

export function AuditLogErrorState({
  text,
  onRetry,
  onClearUser,
  accessWayOn,
}: AuditLogErrorStateProps) {
  const icon = ICONS[text.kind as keyof typeof ICONS] ?? 'warning';
  const actions = (
    <>
      {text.retryable ? (
        <Button variant="primary" onClick={onRetry}>
          <Icon name="refresh" size={14} />
          Retry
        </Button>
      ) : null}
      {text.kind === 'unknown-user' ? (
        <Button onClick={onClearUser}>Clear user filter</Button>
      ) : null}
    </>
  );
  return (
    <EmptyState icon={icon} title={text.title} tone="error" actions={actions}>
      <p>{text.message}</p>
      {isAccessError(text.kind) ? accessWayOn : null}
    </EmptyState>
  );
}
