import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import './admin.css';
import { AdminApp } from './AdminApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AdminApp />
  </StrictMode>,
);
