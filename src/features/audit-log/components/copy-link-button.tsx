import { useEffect, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { Icon } from '../../../components/icon.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

const RESET_AFTER_MS = 2000;
const LABELS: Record<CopyState, string> = {
  idle: 'Copy link',
  copied: 'Copied',
  failed: 'Copy failed',
};

/** Copies the page's URL, which is the whole view, and confirms it for a moment. */
export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), RESET_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <Button onClick={() => void copy()}>
        <Icon name={state === 'copied' ? 'check' : 'link'} size={14} />
        {LABELS[state]}
      </Button>
      <span className="sr-only" role="status">
        {state === 'copied' ? 'Link copied to the clipboard' : ''}
        {state === 'failed' ? 'The link could not be copied; copy it from the address bar' : ''}
      </span>
    </>
  );
}
