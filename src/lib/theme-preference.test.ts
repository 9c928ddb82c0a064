import { afterEach, describe, expect, it } from 'vitest';
import {
  applyThemePreference,
  readThemePreference,
  saveThemePreference,
  THEME_STORAGE_KEY,
} from './theme-preference.ts';

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('theme preference', () => {
  it('is the system theme until chosen, then remembered and applied', () => {
    expect(readThemePreference()).toBe('system');
    saveThemePreference('dark');
    expect(readThemePreference()).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    saveThemePreference('system');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('ignores a stored value it does not know, and storage that refuses', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(readThemePreference()).toBe('system');
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(readThemePreference(refusing)).toBe('system');
  });

  it('applies light and dark to the document', () => {
    applyThemePreference('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
