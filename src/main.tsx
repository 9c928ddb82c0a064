import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { applyThemePreference, readThemePreference } from './lib/theme-preference.ts';
import './styles/theme.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/badges.css';
import './styles/feedback.css';
import './styles/layout.css';
import './styles/log-table.css';
import './styles/filters.css';
import './styles/sign-in.css';
import './styles/details.css';
import './styles/search.css';

// Before the first render, so a chosen theme never flashes the other one.
applyThemePreference(readThemePreference());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
