import { describe, expect, it } from 'vitest';
import { bestClause } from '../server/retrieval/hybrid.js';
import type { AnalyzedQuery } from '../server/retrieval/query.js';

/*
 * The khoản a hit points to ("khoản 2 Điều 139"): the one sharing most of the question's folded
 * syllables. A text's lines are split once and kept (server/retrieval/hybrid.ts clauseLines), so
 * the same article read for different questions must still give each question its own khoản.
 */
const ARTICLE = [
  'Điều 139. Nghỉ thai sản',
  '1. Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng.',
  'Trường hợp sinh đôi trở lên thì tính từ con thứ 02 trở đi, cứ mỗi con được nghỉ thêm 01 tháng.',
  '2. Hết thời gian nghỉ thai sản, nếu có nhu cầu, lao động nữ có thể nghỉ thêm không hưởng lương.',
  '3. Trước khi hết thời gian nghỉ thai sản, lao động nữ có thể trở lại làm việc khi đã nghỉ ít nhất được 04 tháng.',
].join('\n');

const asked = (terms: string[]): AnalyzedQuery => ({ terms, expansionTerms: [] }) as unknown as AnalyzedQuery;

describe('the khoản a hit points to', () => {
  it('follows each question, also when the same text is read again', () => {
    for (let round = 0; round < 2; round++) {
      // "sinh đôi" is in the line that continues khoản 1: it counts for khoản 1.
      expect(bestClause(ARTICLE, asked(['sinh', 'doi', 'con']))).toBe('1');
      expect(bestClause(ARTICLE, asked(['khong', 'huong', 'luong']))).toBe('2');
      expect(bestClause(ARTICLE, asked(['tro', 'lai', 'lam', 'viec']))).toBe('3');
    }
  });

  it('names none when no khoản shares a word, or the text has no khoản', () => {
    expect(bestClause(ARTICLE, asked(['dat', 'dai']))).toBeNull();
    // The heading line never counts, even when it holds the question's words.
    expect(bestClause(ARTICLE, asked(['dieu', '139']))).toBeNull();
    expect(bestClause('Điều 5. Giải thích từ ngữ\nTrong Luật này, các từ ngữ dưới đây được hiểu như sau:', asked(['luat']))).toBeNull();
  });

  it('takes the first of equally good khoản', () => {
    expect(bestClause(ARTICLE, asked(['lao', 'dong', 'nu']))).toBe('1');
  });
});
