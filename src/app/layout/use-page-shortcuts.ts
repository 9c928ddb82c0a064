/**
 * The shortcuts that work anywhere on a console page: `?` lists every shortcut, `/` goes to the
 * page's search box (the element with role `searchbox`, explicit or implied) when it has one. Neither fires while the
 * user types in a field or over an open modal dialog.
 */
import { useCallback, useEffect, useState } from 'react';
import { isTypingTarget, shortcutOf } from '../../lib/keyboard-shortcuts.ts';

// An explicit role, or a search field's implicit one.
const SEARCH_BOX = ':is([role="searchbox"], input[type="search"]:not([role])):not(:disabled)';

/** Focuses the page's search box; false when the page has none (or it is disabled). */
function focusSearchBox(): boolean {
  const box = document.querySelector<HTMLElement>(SEARCH_BOX);
  if (!box) return false;
  box.focus();
  return document.activeElement === box;
}

export function usePageShortcuts() {
  const [listOpen, setListOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const id = shortcutOf(event, 'page');
      if (id === 'showShortcuts') {
        event.preventDefault();
        setListOpen(true);
      } else if (id === 'focusSearch' && focusSearchBox()) {
        // Otherwise the slash would be typed into the box it just focused.
        event.preventDefault();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const showList = useCallback(() => setListOpen(true), []);
  const closeList = useCallback(() => setListOpen(false), []);
  return { listOpen, showList, closeList };
}
