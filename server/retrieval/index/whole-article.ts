import type { CorpusIndex } from './corpus-index.js';
import type { HitRow } from './chunk-rows.js';

/**
 * A long article is indexed as several chunks (each repeating the article's heading and the lead-in
 * of the khoản it continues), and retrieval ranks an article by its best chunk. A hit is an article:
 * the answerer chooses the khoản that answers among all of the article's, not among the best chunk's
 * only — "hợp đồng 3 tháng có phải đóng bảo hiểm bắt buộc không" had found BHXH Điều 2 by its chunk
 * holding điểm l–n and could not quote điểm a (a contract of one month or more), in the chunk before.
 */

/** Each article's chunks (lexical index positions, in document order) for the articles split in several; memoised per index. */
const splits = new WeakMap<CorpusIndex, Map<number, number[]>>();

export function chunksOfSplitArticle(idx: CorpusIndex, chunk: number): readonly number[] | undefined {
  let m = splits.get(idx);
  if (!m) {
    m = new Map();
    const all = new Map<number, number[]>();
    idx.articleOfChunk.forEach((a, i) => {
      const list = all.get(a);
      if (list) list.push(i);
      else all.set(a, [i]);
    });
    for (const [a, list] of all) if (list.length > 1) m.set(a, list);
    splits.set(idx, m);
  }
  return m.get(idx.articleOfChunk[chunk]!);
}

/** A khoản's first line ("1. Người lao động … bao gồm:"), which a continuing chunk repeats. */
const CLAUSE_LINE = /^\d+[a-zđ]?\.\s/u;

/**
 * The article's chunks as one: their lines in order, without the heading and the khoản lead-ins a
 * later chunk repeats; the khoản of all of them.
 */
export function joinChunks(rows: readonly HitRow[]): { text: string; clauses: string[] } {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const r of rows) {
    r.text.split('\n').forEach((line, i) => {
      if ((i === 0 || CLAUSE_LINE.test(line)) && seen.has(line)) return;
      seen.add(line);
      lines.push(line);
    });
  }
  const clauses: string[] = [];
  for (const r of rows) for (const c of r.clauses) if (!clauses.includes(c)) clauses.push(c);
  return { text: lines.join('\n'), clauses };
}
