import type { ReactNode } from 'react';
import type { Citation } from '../api.js';

type Block = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

const BULLET = /^\s*(?:[-•*]|\u2013)\s+/;

/** Plain answer text → paragraphs and bullet lists. Only text nodes come out: never HTML. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: string[] = [];
  const flushPara = () => {
    if (para.length) blocks.push({ kind: 'p', text: para.join('\n') });
    para = [];
  };
  const flushList = () => {
    if (list.length) blocks.push({ kind: 'ul', items: list });
    list = [];
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      flushPara();
      flushList();
    } else if (BULLET.test(line)) {
      flushPara();
      list.push(line.replace(BULLET, ''));
    } else if (list.length && /^\s{2,}/.test(line)) {
      list[list.length - 1] += `\n${line.trim()}`;
    } else {
      flushList();
      para.push(line);
    }
  }
  flushPara();
  flushList();
  return blocks;
}

interface Props {
  text: string;
  citations: Citation[];
  onSource?: (c: Citation) => void;
}

/** The answer, with its "[1]" source markers turned into buttons that open the cited article. */
export function AnswerText({ text, citations, onSource }: Props) {
  const bySource = new Map<number, Citation>();
  for (const c of citations) if (!bySource.has(c.source)) bySource.set(c.source, c);

  const inline = (s: string, key: string): ReactNode[] => {
    const out: ReactNode[] = [];
    let last = 0;
    for (const m of s.matchAll(/\[(\d{1,2})\]/g)) {
      const c = bySource.get(Number(m[1]));
      if (!c || !onSource) continue;
      if (m.index! > last) out.push(s.slice(last, m.index));
      out.push(
        <button key={`${key}-${m.index}`} type="button" className="src-ref" onClick={() => onSource(c)} aria-label={`Nguồn ${m[1]}: xem Điều ${c.article}`}>
          [{m[1]}]
        </button>,
      );
      last = m.index! + m[0].length;
    }
    if (last < s.length) out.push(s.slice(last));
    return out;
  };

  return (
    <div className="answer">
      {blocksOf(text).map((b, i) =>
        b.kind === 'p' ? (
          <p key={i}>{inline(b.text, `p${i}`)}</p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{inline(item, `l${i}-${j}`)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
