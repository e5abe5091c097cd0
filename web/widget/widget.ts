/**
 * Hiểu Luật widget loader. A site adds
 *   <script src="https://HOST/widget.js" data-title="Hỏi đáp pháp luật" async></script>
 * and gets a floating button that opens the chat (HOST/embed) in a frame. HOST is read from
 * this script's own src, so the snippet holds no secret and no configuration. The button and
 * panel live in a shadow root, so the host page's CSS cannot reach them and ours cannot leak.
 * Which sites may frame /embed is decided by the server (Content-Security-Policy
 * frame-ancestors from the officials' list of allowed origins), not by this script.
 */

interface WidgetWindow extends Window {
  __hieuLuatWidget?: { open: () => void; close: () => void };
}

/** Where the whole tab goes on "Thoát nhanh": neutral weather news. */
const NEUTRAL_URL = 'https://vnexpress.net/thoi-tiet';

const STYLES = `
:host { all: initial; }
* { box-sizing: border-box; }
.launcher {
  position: fixed; bottom: 16px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 52px; padding: 10px 18px 10px 14px; border: 0; border-radius: 999px;
  background: #6b1d52; color: #fff; cursor: pointer;
  font: 600 16px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  box-shadow: 0 4px 16px rgba(40, 10, 35, 0.35);
}
.launcher:hover { background: #531640; }
.launcher:focus-visible, .close:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 3px; }
.launcher svg { width: 24px; height: 24px; flex: none; }
.right { right: 16px; } .left { left: 16px; }
.panel {
  position: fixed; bottom: 80px; z-index: 2147483001;
  width: 380px; height: min(640px, calc(100vh - 100px));
  border-radius: 16px; overflow: hidden; background: #fbf9fb;
  box-shadow: 0 12px 40px rgba(20, 10, 20, 0.35);
  display: flex; flex-direction: column;
}
.panel[hidden] { display: none; }
.panel iframe { flex: 1; width: 100%; height: 100%; border: 0; display: block; background: #fbf9fb; }
.refused { flex: 1; display: flex; flex-direction: column; justify-content: center; gap: 16px; padding: 24px;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #2a1f29; }
.refused p { margin: 0; }
.close { align-self: flex-start; min-height: 48px; padding: 10px 20px; border: 0; border-radius: 999px;
  background: #6b1d52; color: #fff; font: 600 16px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; cursor: pointer; }
@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; bottom: 0; }
}
`;

const ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm3 5v2h10V8H7Zm0 4v2h7v-2H7Z"/></svg>';

(function init() {
  const w = window as WidgetWindow;
  if (w.__hieuLuatWidget) return;
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) return;
  let host: string;
  try {
    host = new URL(script.src, location.href).origin;
  } catch {
    return;
  }
  const title = (script.getAttribute('data-title') || 'Hỏi đáp pháp luật').slice(0, 80);
  const side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';

  const mount = document.createElement('div');
  mount.setAttribute('data-hieu-luat', '');
  const root: ShadowRoot | HTMLElement = mount.attachShadow ? mount.attachShadow({ mode: 'open' }) : mount;

  const style = document.createElement('style');
  style.textContent = STYLES;

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = `launcher ${side}`;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'hieu-luat-panel');
  launcher.innerHTML = ICON;
  const label = document.createElement('span');
  label.textContent = title;
  launcher.appendChild(label);

  const panel = document.createElement('div');
  panel.className = `panel ${side}`;
  panel.id = 'hieu-luat-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);

  let frame: HTMLIFrameElement | null = null;

  function open() {
    if (!frame) {
      // The chat loads only when asked for: no request to HOST from pages where nobody opens it.
      frame = document.createElement('iframe');
      frame.title = title;
      frame.src = `${host}/embed?title=${encodeURIComponent(title)}`;
      frame.setAttribute('allow', 'clipboard-write');
      frame.referrerPolicy = 'no-referrer';
      panel.appendChild(frame);
      void checkAllowed();
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    label.textContent = 'Đóng';
    frame.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    label.textContent = title;
    launcher.focus();
  }

  /**
   * A site the officials have not allowed gets no CORS header, and its frame would show the
   * browser's own error full-screen on a phone, covering the launcher: say so in words instead,
   * with a button that closes the panel.
   */
  async function checkAllowed() {
    try {
      const r = await fetch(`${host}/api/emergency`, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (r.ok) return;
    } catch {
      // No CORS header (not allowed) or no connection: either way the chat cannot work here.
    }
    frame?.remove();
    const box = document.createElement('div');
    box.className = 'refused';
    box.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.textContent = 'Không mở được khung hỏi đáp trên trang này: trang chưa được Hội cho phép hoặc mất kết nối.';
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'close';
    btn.textContent = 'Đóng';
    btn.addEventListener('click', () => close());
    const link = document.createElement('a');
    link.href = `${host}/`;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = 'Mở trang hỏi đáp của Hội';
    box.append(text, link, btn);
    panel.appendChild(box);
    btn.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  // Escape on the host page closes the panel (inside the frame, Escape belongs to the chat).
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) close();
  });

  window.addEventListener('message', (e: MessageEvent) => {
    // Only the chat frame from HOST may drive the widget.
    if (e.origin !== host || !frame || e.source !== frame.contentWindow) return;
    const type = (e.data as { type?: unknown } | null)?.type;
    if (type === 'hieu-luat:close') close();
    else if (type === 'hieu-luat:exit') {
      mount.remove();
      location.replace(NEUTRAL_URL);
    }
  });

  root.appendChild(style);
  root.appendChild(panel);
  root.appendChild(launcher);
  (document.body || document.documentElement).appendChild(mount);
  w.__hieuLuatWidget = { open, close };
})();

export {};
