import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import { ChatApp } from './ChatApp.js';

/**
 * The compact chat inside the widget's frame. The title comes from the host page's
 * data-title (through the frame URL) and is only ever rendered as text.
 */
const params = new URLSearchParams(location.search);
const title = (params.get('title') ?? '').slice(0, 80);
const framed = window.parent !== window;

const close = framed
  ? () => {
      try {
        window.parent.postMessage({ type: 'hieu-luat:close' }, '*');
      } catch {
        // Nothing to close when the host page has gone.
      }
    }
  : undefined;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChatApp variant="embed" title={title} onClose={close} />
  </StrictMode>,
);
