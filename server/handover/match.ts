import type { Queryable } from '../../store/db.js';
import { matchForm } from './fold.js';
import type { HandoverCitation } from './store.js';

/**
 * pg_trgm similarity between the folded forms (trigrams are taken per syllable, padded, so
 * this is an overlap of syllables that tolerates typos). 0.55 was chosen on paraphrase pairs
 * in tests/handover.test.ts: rewordings of one question ("chồng đánh vợ bị phạt thế nào" /
 * "chong danh vo thi bi xu phat ra sao") score 0.6–1.0, while questions that share the topic
 * but ask something else ("ly hôn thì ai nuôi con" / "ly hôn thì chia tài sản thế nào")
 * stay below 0.45. A wrong reuse shows an official answer to a different question, so the
 * threshold errs high; a miss only means the normal answer path runs.
 */
export const OFFICIAL_ANSWER_THRESHOLD = 0.55;

export interface OfficialAnswer {
  answer: string;
  citations: HandoverCitation[];
  handoverId: number;
  /** Similarity of the folded questions, 0–1. */
  score: number;
}

/**
 * The approved official answer to the question most similar to `question`, or null.
 * Answers citing a document that was deleted, retired or replaced are not reused.
 * Approved answers number in the hundreds at most, so a scan is cheaper than keeping the
 * session's pg_trgm similarity threshold in sync for the `%` operator.
 */
export async function findOfficialAnswer(q: Queryable, question: string, threshold = OFFICIAL_ANSWER_THRESHOLD): Promise<OfficialAnswer | null> {
  const folded = matchForm(question);
  if (!folded) return null;
  const r = await q.query<{ id: number | string; answer: string; citations: HandoverCitation[]; score: number }>(
    `select h.id, h.answer, h.citations, similarity(h.question_folded, $1) as score
       from handover h
      where h.state = 'approved' and h.answer is not null
        and similarity(h.question_folded, $1) >= $2
        and not exists (
          select 1 from jsonb_array_elements(h.citations) c
            left join documents d on d.id = c->>'documentId'
           where d.id is null or d.status in ('expired', 'replaced'))
      order by score desc, h.approved_at desc
      limit 1`,
    [folded, threshold],
  );
  const row = r.rows[0];
  return row ? { answer: row.answer, citations: row.citations, handoverId: Number(row.id), score: Number(row.score) } : null;
}
