import { useCallback, useEffect, useRef, useState } from 'react';

export interface TabLink {
  id: string;
  label: string;
}

/**
 * The console's tabs. On a phone they do not fit in one row: they scroll sideways, and arrows
 * at the edges show that more tabs are there (and scroll to them); the current tab is scrolled
 * into view when it changes.
 */
export function Tabs({ tabs, current }: { tabs: TabLink[]; current: string }) {
  const list = useRef<HTMLUListElement>(null);
  const [more, setMore] = useState({ before: false, after: false });

  const measure = useCallback(() => {
    const el = list.current;
    if (!el) return;
    // A pixel of slack: zoomed layouts leave fractional scroll positions.
    setMore({ before: el.scrollLeft > 1, after: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
  }, []);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      el.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [measure, tabs.length]);

  useEffect(() => {
    list.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    measure();
  }, [current, measure]);

  const step = (dir: 1 | -1) => list.current?.scrollBy({ left: dir * list.current.clientWidth * 0.7, behavior: 'smooth' });

  return (
    <nav className="tabs" aria-label="Mục quản trị" data-more-before={more.before || undefined} data-more-after={more.after || undefined}>
      {/* The arrows only repeat what scrolling does, so keyboard and screen-reader users skip them. */}
      {more.before && (
        <button type="button" className="tabs-more tabs-more-before" tabIndex={-1} aria-hidden="true" onClick={() => step(-1)}>
          ‹
        </button>
      )}
      <ul ref={list}>
        {tabs.map((t) => (
          <li key={t.id}>
            <a href={`#/${t.id}`} aria-current={t.id === current ? 'page' : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
      {more.after && (
        <button type="button" className="tabs-more tabs-more-after" tabIndex={-1} aria-hidden="true" onClick={() => step(1)}>
          ›
        </button>
      )}
    </nav>
  );
}
