import { useEffect, useState } from 'react';
import { Button } from './button.tsx';
import { Icon, type IconName } from './icon.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

const RESET_AFTER_MS = 2000;

export interface CopyButtonProps {
  label: string;
  icon: IconName;
  /** Read at click time, so the text is current (the URL, the event). */
  text: () => string;
  /** What a screen reader hears after a copy, and after a refused one. */
  copiedMessage: string;
  failedMessage: string;
}

/** Copies text to the clipboard and confirms it (or the failure) for a moment. */
export function CopyButton({ label, icon, text, copiedMessage, failedMessage }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), RESET_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  const visibleLabel = { idle: label, copied: 'Copied', failed: 'Copy failed' }[state];
  return (
    <>
      <Button onClick={() => void copy()}>
        <Icon name={state === 'copied' ? 'check' : icon} size={14} />
        {visibleLabel}
      </Button>
      <span className="sr-only" role="status">
        {state === 'copied' ? copiedMessage : ''}
        {state === 'failed' ? failedMessage : ''}
      </span>
    </>
  );
}
