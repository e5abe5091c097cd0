import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: ReactNode;
  /** Accessible name when the title is not plain text. */
  label?: string;
  onClose: () => void;
  children: ReactNode;
  closeLabel?: string;
  className?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog that works on old phone browsers (no <dialog> needed): focus moves in and is
 * kept in, Escape and the backdrop close it, focus returns to what opened it.
 */
export function Modal({ title, label, onClose, children, closeLabel = 'Đóng', className }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const el = ref.current;
    (el?.querySelector<HTMLElement>('.sheet-body [data-autofocus]') ?? el?.querySelector<HTMLElement>('.sheet-head button') ?? el)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        onCloseRef.current();
        return;
      }
      if (e.key !== 'Tab' || !el) return;
      const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((n) => n.offsetParent !== null);
      if (!items.length) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    const prevOverflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.style.overflow = prevOverflow;
      opener?.focus?.();
    };
  }, []);

  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`sheet ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={label ? undefined : 'modal-title'}
        aria-label={label}
        tabIndex={-1}
      >
        <div className="sheet-head">
          <h2 id="modal-title">{title}</h2>
          <button type="button" className="btn btn-small" onClick={onClose}>
            {closeLabel}
          </button>
        </div>
        {/* Focusable so the keyboard can scroll a long article. */}
        <div className="sheet-body" tabIndex={0}>
          {children}
        </div>
      </div>
    </div>
  );
}
