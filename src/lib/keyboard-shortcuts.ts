/**
 * Every keyboard shortcut of the console, in one list: the handlers match key presses against it
 * and the "Keyboard shortcuts" dialog (`?`) prints it, so the two cannot drift apart.
 */

/**
 * Where a shortcut works: anywhere on a console page, on a focused row of the log table, on a
 * column's resize handle in its header, or in a panel.
 */
export type ShortcutScope = 'page' | 'table' | 'column' | 'dialog';

export interface Shortcut {
  /** `KeyboardEvent.key` values, any of which triggers it. */
  keys: readonly string[];
  /** What it does, as the dialog says it. */
  label: string;
  scope: ShortcutScope;
}

export const SHORTCUTS = {
  showShortcuts: { keys: ['?'], label: 'Show the keyboard shortcuts', scope: 'page' },
  focusSearch: {
    keys: ['/'],
    label: 'Go to the search box, where the page has one',
    scope: 'page',
  },
  nextRow: { keys: ['ArrowDown'], label: 'Next event', scope: 'table' },
  previousRow: { keys: ['ArrowUp'], label: 'Previous event', scope: 'table' },
  pageDown: { keys: ['PageDown'], label: 'A screenful of events down', scope: 'table' },
  pageUp: { keys: ['PageUp'], label: 'A screenful of events up', scope: 'table' },
  firstRow: { keys: ['Home'], label: 'Newest event', scope: 'table' },
  lastRow: { keys: ['End'], label: 'Oldest event loaded', scope: 'table' },
  openRow: { keys: ['Enter'], label: 'Show every detail of the event', scope: 'table' },
  filterUser: { keys: ['u'], label: 'Show only the events of its user', scope: 'table' },
  narrowColumn: {
    keys: ['ArrowLeft'],
    label: 'Narrower (with Shift, by more)',
    scope: 'column',
  },
  widenColumn: { keys: ['ArrowRight'], label: 'Wider (with Shift, by more)', scope: 'column' },
  fitColumn: { keys: ['Enter'], label: 'Fit the widest value in view', scope: 'column' },
  close: { keys: ['Escape'], label: 'Close the details, this list or a menu', scope: 'dialog' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

export const SCOPE_TITLES: Record<ShortcutScope, string> = {
  page: 'Anywhere',
  table: 'On an event in the table',
  column: 'On a column’s resize handle (Tab to it in the table’s header)',
  dialog: 'In a panel or menu',
};

const SHORTCUT_IDS = Object.keys(SHORTCUTS) as ShortcutId[];

/** The shortcuts of one scope, in list order. */
export function shortcutsIn(scope: ShortcutScope): ShortcutId[] {
  return SHORTCUT_IDS.filter((id) => SHORTCUTS[id].scope === scope);
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/**
 * The shortcut of `scope` a key press means, or undefined: `shortcutOf({key: 'u'}, 'table')` →
 * `'filterUser'`. Presses with Ctrl, Meta or Alt are the browser's and the system's; Shift is
 * part of the key (`?` is Shift+/ on many layouts, and `U` is not `u`).
 */
export function shortcutOf(press: KeyPress, scope: ShortcutScope): ShortcutId | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  return shortcutsIn(scope).find((id) =>
    (SHORTCUTS[id].keys as readonly string[]).includes(press.key),
  );
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
  Escape: 'Esc',
  u: 'U',
};

/** How a key is printed on a keycap: `keyName('ArrowDown') === '↓'`. */
export function keyName(key: string): string {
  return KEY_NAMES[key] ?? key;
}

/** The accessible name of a key, where its keycap is a symbol: `keySpoken('ArrowDown') === 'Down arrow'`. */
export function keySpoken(key: string): string | undefined {
  return {
    ArrowDown: 'Down arrow',
    ArrowUp: 'Up arrow',
    ArrowLeft: 'Left arrow',
    ArrowRight: 'Right arrow',
    '?': 'Question mark',
    '/': 'Slash',
  }[key];
}

/**
 * Whether a key press lands where the user types (a text field, a list to pick from, editable
 * text), so a one-key shortcut must leave it alone.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('textarea, select, [contenteditable=""], [contenteditable="true"]'))
    return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(
    target.type,
  );
}

/**
 * The shortcuts of a scope in one sentence, for a screen reader's description:
 * `describeShortcuts('page')` → `'Question mark: Show the keyboard shortcuts. Slash: …'`.
 */
export function describeShortcuts(scope: ShortcutScope): string {
  return shortcutsIn(scope)
    .map((id) => {
      const keys = SHORTCUTS[id].keys.map((key) => keySpoken(key) ?? keyName(key)).join(' or ');
      return `${keys}: ${SHORTCUTS[id].label}.`;
    })
    .join(' ');
}
