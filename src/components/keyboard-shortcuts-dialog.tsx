/**
 * The list of keyboard shortcuts (`?`), printed from the one list the handlers use, and the
 * search language, printed from the one list the parser uses.
 */
import { Fragment, useId } from 'react';
import {
  keyName,
  keySpoken,
  SCOPE_TITLES,
  SHORTCUTS,
  shortcutsIn,
  type ShortcutScope,
} from '../lib/keyboard-shortcuts.ts';
import { Icon } from './icon.tsx';
import { SearchLanguageList } from './search-language-list.tsx';
import { useModalDialog } from './use-modal-dialog.ts';

const SCOPES: ShortcutScope[] = ['page', 'table', 'column', 'dialog'];

export function KeyboardShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialogProps = useModalDialog(onClose);
  const titleId = useId();
  return (
    <dialog {...dialogProps} className="shortcuts-dialog" aria-labelledby={titleId}>
      <header className="shortcuts-dialog__header">
        <h2 id={titleId} className="shortcuts-dialog__title">
          Keyboard shortcuts
        </h2>
        <button type="button" className="icon-btn" onClick={onClose} aria-label="Close">
          <Icon name="close" />
        </button>
      </header>
      {SCOPES.map((scope) => (
        <section key={scope} className="shortcuts-dialog__group">
          <h3 className="shortcuts-dialog__scope">{SCOPE_TITLES[scope]}</h3>
          <dl className="shortcuts-list">
            {shortcutsIn(scope).map((id) => (
              <Fragment key={id}>
                <dt>
                  {SHORTCUTS[id].keys.map((key) => (
                    <kbd key={key} aria-label={keySpoken(key)}>
                      {keyName(key)}
                    </kbd>
                  ))}
                </dt>
                <dd>{SHORTCUTS[id].label}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
      <p className="shortcuts-dialog__note">
        Tab first reaches <strong>Skip to the events</strong>; the table’s events are one Tab stop,
        after a resize handle per column.
      </p>
      <section className="shortcuts-dialog__group" aria-labelledby={`${titleId}-search`}>
        <h2 id={`${titleId}-search`} className="shortcuts-dialog__title">
          Search
        </h2>
        <SearchLanguageList />
      </section>
    </dialog>
  );
}
