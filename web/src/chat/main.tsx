import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import { ChatApp } from './ChatApp.js';
import { registerServiceWorker } from './offline.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChatApp variant="page" />
  </StrictMode>,
);

// The members' page only: installable, and opens with no network (scripts/pwa.ts).
registerServiceWorker();
