import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { RecoveryGate } from './features/recovery/RecoveryGate';
import { startRouter } from './app/router';
import { syncDocumentLanguage } from './i18n';
import { connectApi } from './lib/api';
// KaTeX's stylesheet and fonts are bundled with the app (no CDN: it runs offline); ours comes after it.
import './styles.css';

// Before anything renders: in browser mode this takes the launch code out of the address bar.
connectApi();
syncDocumentLanguage();
startRouter();

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <RecoveryGate>
      <App />
    </RecoveryGate>
  </StrictMode>,
);
