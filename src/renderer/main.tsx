import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/tokens.css';
import './ui/base.css';
import './ui/components.css';
import './ui/layout.css';
import './features/board/board.css';
import './features/join/join.css';
import './features/facilitator/facilitator.css';
import { App } from './app/app';
import { takeTokenFromUrl } from './app/facilitator-token';
import { initI18n } from './i18n';
import { applyStoredTextSize, storedLanguage } from './preferences/preferences';

// Order matters: the token must leave the address bar before anything reads or logs the URL.
takeTokenFromUrl();
initI18n(storedLanguage());
applyStoredTextSize();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
