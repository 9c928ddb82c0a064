import { useState } from 'react';
import {
  readThemePreference,
  saveThemePreference,
  type ThemePreference,
} from '../lib/theme-preference.ts';
import { Icon } from './icon.tsx';
import { SegmentedControl, type SegmentedOption } from './segmented-control.tsx';

const OPTIONS: SegmentedOption<ThemePreference>[] = [
  { value: 'system', label: 'System theme', content: <Icon name="monitor" size={14} /> },
  { value: 'light', label: 'Light theme', content: <Icon name="sun" size={14} /> },
  { value: 'dark', label: 'Dark theme', content: <Icon name="moon" size={14} /> },
];

/** System, light or dark, remembered in this browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useState(readThemePreference);
  return (
    <SegmentedControl
      label="Theme"
      className="segmented--icons"
      options={OPTIONS}
      value={theme}
      onChange={(choice) => {
        setTheme(choice);
        saveThemePreference(choice);
      }}
    />
  );
}
