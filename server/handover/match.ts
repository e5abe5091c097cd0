import type { Queryable } from '../../store/db.js';
import { matchForm } from './fold.js';
import type { HandoverCitation } from './store.js';

/**
 * pg_trgm similarity between the folded forms (trigrams are taken per syllable, padded, so
 * this is an overlap of syllables that tolerates typos and word order). 0.6 was chosen on the
 * paraphrase pairs in tests/handover.test.ts: rewordings of one question, with or without
 * dấu ("con gái có được hưởng thừa kế như con trai không" / "con gai co duoc chia thua ke
 * bang con trai khong"), score 0.61–1.0, while other questions on the same topic ("ly hôn
 * thì ai nuôi con" / "ly hôn thì chia tài sản thế nào", "bị quấy rối ở nơi làm việc" /
 * "bị đánh ở nơi làm việc") score 0.21–0.50. A wrong reuse shows an official answer to a
 * different question, a miss only means the normal answer path runs: the threshold errs high.
 */
export const OFFICIAL_ANSWER_THRESHOLD = 0.6;

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
  // Nearly every question has no approved answer near it, and on the embedded store the full
  // statement below costs about three plain ones to plan (the check of every cited document):
  // a plain statement with the same conditions on the question answers that case alone.
  const near = await q.query(
    `select 1 from handover h where h.state = 'approved' and h.answer is not null and similarity(h.question_folded, $1) >= $2 limit 1`,
    [folded, threshold],
  );
  if (!near.rows.length) return null;
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
