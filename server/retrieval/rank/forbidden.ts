import { fold } from '../../../ingest/text/vietnamese.js';
import type { LexicalIndex, ScoredChunk } from '../index/lexical-index.js';
import { liftWhere } from './lower.js';

/**
 * Asked whether something is forbidden ("chọn giới tính thai nhi có bị cấm không", "luật có cấm
 * …", "những hành vi nào bị cấm"), the articles that list what the law forbids ("Các hành vi bị
 * nghiêm cấm", "Cấm các hành vi sau đây") answer her, while the articles that define or fine the
 * same act share her words as closely. Such articles gain this share of the best score, as the
 * articles stating a sanction do when she asks about one (sanction.ts). Measured against 0: probes 3,
 * 5 one question each to first place, probe 2 one from it (MRR +0.002, +0.003, −0.002); dev, probes
 * 1, 4, 6, 7 and blind unchanged; 0.2 moved the same few questions.
 */
export const FORBIDDEN_ASKED_BONUS = 0.1;

const ASKS_FORBIDDEN = /\b(co bi cam|bi cam (khong|ko|k|hong)|co cam|luat cam|bi nghiem cam|hanh vi (nao )?bi cam)\b/;
/** The index's pairs for "nghiêm cấm" and "cấm các (hành vi)", in the title or body. */
const FORBIDS = ['nghiemcam', 'camcac'];

/** Whether she asks whether something is forbidden. */
export function asksForbidden(question: string): boolean {
  return ASKS_FORBIDDEN.test(fold(question.normalize('NFC').toLowerCase()));
}

/** `ranked` with the bonus added to articles listing what is forbidden, when she asks; the same array otherwise. */
export function withForbiddenAsked(lex: LexicalIndex, ranked: ScoredChunk[], question: string, bonus = FORBIDDEN_ASKED_BONUS): ScoredChunk[] {
  if (bonus <= 0 || !ranked.length || !asksForbidden(question)) return ranked;
  return liftWhere(ranked, bonus, (i) => FORBIDS.some((t) => lex.contains(i, t, ['title', 'body'])));
}
