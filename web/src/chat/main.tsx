import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import { ChatApp } from './ChatApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChatApp variant="page" />
  </StrictMode>,
);
