import type { ArticleHit } from '../retrieval/retriever.js';
import type { Citation } from './answerer.js';

/** "điểm a khoản 1 Điều 51 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)" */
export function citationLabel(c: Pick<Citation, 'article' | 'clause' | 'point'> & { document: { name: string } }): string {
  const parts: string[] = [];
  if (c.point) parts.push(`điểm ${c.point}`);
  if (c.clause) parts.push(`khoản ${c.clause}`);
  parts.push(`Điều ${c.article}`);
  return `${parts.join(' ')} ${c.document.name}`;
}

export function citationFor(hit: ArticleHit, source: number, clause: string | null, point: string | null, quote: string): Citation {
  return {
    document: {
      id: hit.document.id,
      number: hit.document.number,
      title: hit.document.title,
      name: hit.document.name,
      binding: hit.document.binding,
      status: hit.document.status,
    },
    article: hit.article ?? hit.heading ?? '',
    clause,
    point,
    quote,
    source,
  };
}
