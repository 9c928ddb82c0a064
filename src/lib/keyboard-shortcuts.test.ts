import { describe, expect, it } from 'vitest';
import {
  describeShortcuts,
  isTypingTarget,
  SHORTCUTS,
  shortcutOf,
  shortcutsIn,
} from './keyboard-shortcuts.ts';

const press = (key: string, modifiers: Partial<KeyboardEvent> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('shortcutOf', () => {
  it.each([
    ['?', 'page', 'showShortcuts'],
    ['/', 'page', 'focusSearch'],
    ['u', 'table', 'filterUser'],
    ['Enter', 'table', 'openRow'],
    ['End', 'table', 'lastRow'],
    ['PageDown', 'table', 'pageDown'],
    ['u', 'page', undefined],
    ['/', 'table', undefined],
    ['U', 'table', undefined],
    ['x', 'page', undefined],
    ['ArrowRight', 'column', 'widenColumn'],
    ['ArrowRight', 'table', undefined],
  ] as const)('%j in %s → %s', (key, scope, id) => {
    expect(shortcutOf(press(key), scope)).toBe(id);
  });

  it.each(['ctrlKey', 'metaKey', 'altKey'] as const)('leaves presses with %s alone', (modifier) => {
    expect(shortcutOf(press('/', { [modifier]: true }), 'page')).toBeUndefined();
    expect(shortcutOf(press('u', { [modifier]: true }), 'table')).toBeUndefined();
  });

  it('lists every shortcut in exactly one scope, no key twice in a scope', () => {
    const scopes = ['page', 'table', 'column', 'dialog'] as const;
    expect(scopes.flatMap(shortcutsIn).sort()).toEqual(Object.keys(SHORTCUTS).sort());
    for (const scope of scopes) {
      const keys = shortcutsIn(scope).flatMap((id) => SHORTCUTS[id].keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('isTypingTarget', () => {
  const element = (html: string) => {
    document.body.innerHTML = html;
    return document.body.firstElementChild;
  };

  it.each([
    ['<input type="search">', true],
    ['<input>', true],
    ['<textarea></textarea>', true],
    ['<select></select>', true],
    ['<div contenteditable="true"></div>', true],
    ['<input type="checkbox">', false],
    ['<button>Go</button>', false],
    ['<div tabindex="0"></div>', false],
  ])('%s → %s', (html, typing) => {
    expect(isTypingTarget(element(html))).toBe(typing);
  });
});

describe('describeShortcuts', () => {
  it('says every shortcut of the scope, keys in words', () => {
    expect(describeShortcuts('page')).toBe(
      'Question mark: Show the keyboard shortcuts. Slash: Go to the search box, where the page has one.',
    );
  });
});
