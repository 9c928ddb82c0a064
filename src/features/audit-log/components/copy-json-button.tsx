import { useEffect, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { Icon } from '../../../components/icon.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

const RESET_AFTER_MS = 2000;
const LABELS: Record<CopyState, string> = {
  idle: 'Copy as JSON',
  copied: 'Copied',
  failed: 'Copy failed',
};

/** Copies a value as indented JSON (for a ticket or a chat), confirming it for a moment. */
export function CopyJsonButton({ value }: { value: unknown }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), RESET_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(value, null, 2));
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <Button onClick={() => void copy()}>
        <Icon name={state === 'copied' ? 'check' : 'copy'} size={14} />
        {LABELS[state]}
      </Button>
      <span className="sr-only" role="status">
        {state === 'copied' ? 'The event was copied as JSON' : ''}
        {state === 'failed' ? 'The event could not be copied' : ''}
      </span>
    </>
  );
}
