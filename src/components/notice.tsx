import type { ReactNode } from 'react';
import { Icon } from './icon.tsx';

interface NoticeProps {
  tone?: 'info' | 'warning' | 'error';
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
}

/** A message in the flow of the page; warnings and errors are announced as they appear. */
export function Notice({ tone = 'info', title, children, onDismiss }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'info' ? 'status' : 'alert'}>
      <Icon name={tone === 'info' ? 'info' : 'warning'} className="notice__icon" />
      <div className="notice__body">
        {title ? <strong className="notice__title">{title}</strong> : null}
        <div>{children}</div>
      </div>
      {onDismiss ? (
        <button type="button" className="icon-btn" onClick={onDismiss} aria-label="Dismiss">
          <Icon name="close" />
        </button>
      ) : null}
    </div>
  );
}
