import type { ArticleNote } from '../../server/retrieval/index/corpus-index.js';
import type { ArticleHit } from '../../server/retrieval/retriever.js';

/** A document of no real law, for answers built from hand-made hits (the answerer reads no store). */
export const TEST_DOC = {
  id: 'luat-x',
  number: '1/2020/QH14',
  title: 'Luật thử',
  name: 'Luật thử 2020 (1/2020/QH14)',
  type: 'Luật',
  status: 'in_force' as const,
  binding: true,
};

/** An article of TEST_DOC as retrieval returns it: its khoản numbered 1, 2, … in order. */
export function articleHit(
  article: string,
  title: string,
  clauses: string[],
  score: number,
  opts: { notes?: ArticleNote[]; inheritance?: boolean } = {},
): ArticleHit {
  return {
    document: TEST_DOC,
    chunkId: Number(article),
    article,
    articleNum: Number(article),
    articleTitle: title,
    heading: null,
    section: null,
    clause: '1',
    clauses: clauses.map((_, i) => String(i + 1)),
    header: `Điều ${article}. ${title}`,
    text: [`Điều ${article}. ${title}`, ...clauses.map((c, i) => `${i + 1}. ${c}`)].join('\n'),
    score,
    notes: opts.notes ?? [],
    ...(opts.inheritance ? { inheritance: true as const } : {}),
  };
}
