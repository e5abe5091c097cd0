import { badRequest } from '../errors.js';
import { explainSearch } from '../retrieval/explain.js';
import { ExplainIndex } from '../retrieval/index/explain-index.js';
import type { Services } from '../services.js';

/**
 * "Thử câu hỏi" (the officials' console): a question searched exactly as a member's would be, with
 * each hit's scores and the reasons the first won (server/retrieval/explain.ts). The explaining
 * index is this use case's own cache of the library, rebuilt when the library changes and
 * dropped when idle; it never ranks anything members see.
 */
export function createQuestionTrial(s: Pick<Services, 'db' | 'retriever'>) {
  const index = new ExplainIndex(s.db);
  return {
    async explain(question: string, opts: { k?: number; includeExpired?: boolean }) {
      const q = question.normalize('NFC').trim();
      if (!q) throw badRequest('question', 'Hãy nhập một câu hỏi để thử.');
      const result = await s.retriever.search(q, opts);
      return { result, explanation: explainSearch(await index.get(), q, result) };
    },
    close: (): void => index.close(),
  };
}
