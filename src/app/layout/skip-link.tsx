/**
 * The first Tab stop of every console page: skips the header to the page's main content, the
 * element marked `data-skip-target` (the log table) or else `<main>`. A click handler rather than
 * a `#fragment`, because the URL is the view.
 */
import type { MouseEvent } from 'react';

function skip(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const target =
    document.querySelector<HTMLElement>('[data-skip-target]') ?? document.querySelector('main');
  target?.focus();
}

export function SkipLink() {
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      Skip to the events
    </a>
  );
}
