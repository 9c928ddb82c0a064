import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon.tsx';

interface EmptyStateProps {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  tone?: 'neutral' | 'error';
}

/** A centred message standing in for content: nothing found, or something went wrong. */
export function EmptyState({
  icon = 'inbox',
  title,
  children,
  actions,
  tone = 'neutral',
}: EmptyStateProps) {
  return (
    <div
      className={`empty-state empty-state--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <Icon name={icon} className="empty-state__icon" size={28} />
      <h2 className="empty-state__title">{title}</h2>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {actions ? <div className="empty-state__actions">{actions}</div> : null}
    </div>
  );
}
