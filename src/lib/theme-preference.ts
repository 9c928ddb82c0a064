/**
 * The theme the user chose (system, light or dark), remembered in this browser and applied as
 * `data-theme` on <html>, where the style sheet's `color-scheme` rules pick it up.
 */
export type ThemePreference = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'audit-log-console:theme';

const CHOICES: ReadonlySet<string> = new Set<ThemePreference>(['system', 'light', 'dark']);

/** The stored choice, `system` when there is none or storage is unavailable. */
export function readThemePreference(
  storage: Pick<Storage, 'getItem'> = localStorage,
): ThemePreference {
  try {
    const stored = storage.getItem(THEME_STORAGE_KEY);
    return stored && CHOICES.has(stored) ? (stored as ThemePreference) : 'system';
  } catch {
    return 'system'; // Storage refused (privacy mode): the system theme is a fine default.
  }
}

/** Applies a choice to the document: `system` removes the attribute so the OS decides. */
export function applyThemePreference(
  theme: ThemePreference,
  root = document.documentElement,
): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Remembers and applies a choice. */
export function saveThemePreference(
  theme: ThemePreference,
  storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage,
): void {
  try {
    if (theme === 'system') storage.removeItem(THEME_STORAGE_KEY);
    else storage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not remembered, but still applied for this page.
  }
  applyThemePreference(theme);
}
