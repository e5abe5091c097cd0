import { fold, syllables } from '../../../ingest/text/vietnamese.js';
import type { LexicalIndex, ScoredChunk } from '../index/lexical-index.js';
import { lowerWhere } from './lower.js';

/**
 * An article about a matter with a foreign element ("Ly hôn có yếu tố nước ngoài", "Các trường
 * hợp nuôi con nuôi có yếu tố nước ngoài") shares every word of a domestic question and adds
 * the foreign rule: "muốn nhận con nuôi là cháu ruột" had led with foreign adoption, whose article
 * names "cô, cậu, dì, chú, bác ruột" as well. Unless she says something foreign, such articles
 * (their title holds "nước ngoài", or their chapter's does: "NUÔI CON NUÔI CÓ YẾU TỐ NƯỚC NGOÀI"
 * holds "Hồ sơ của người nhận con nuôi") lose this share of the best score. Measured: 0.1 on
 * titles against 0, dev and blind unchanged, held-out phrasings R@1 0.453 → 0.454; since stop 39
 * chapters too and 0.25 ("nhận con nuôi cần giấy tờ gì" had led with the foreign adopter's file,
 * Điều 31, at 0.1 still): dev, probes 3, 5, 6 and blind unchanged, held-out phrasings R@1 0.455 →
 * 0.453 (phrasings of a foreign chapter's articles that name nothing foreign).
 */
export const FOREIGN_UNASKED_PENALTY = 0.25;

/** Folded words that say a foreign element whatever their dấu. */
const FOREIGN_FOLDED =
  /\b(nuoc ngoai|nguoi ngoai quoc|ngoai quoc|viet kieu|xuat khau lao dong|xkld|quoc tich|trung quoc|han quoc|dai loan|nhat ban|campuchia|thai lan|malaysia|singapore|chau au|nuoc khac|bien gioi|dinh cu|lay chong tay|chong tay|nguoi tay|anh quoc|nguoi han|chong han|ck han|lay han|di han|sang han|nguoi nhat|chong nhat|ck nhat|nguoi hoa|nguoi nga|chong tau|ck tau|nguoi tau)\b/;
/** Countries whose folded name is also a common word ("lao" is lao động, "duc" giáo dục): with their dấu only. */
const FOREIGN_WRITTEN = new Set(['lào', 'mỹ', 'úc', 'pháp', 'đức']);

/** Whether the question says something foreign (a country, "nước ngoài", working abroad…). */
export function mentionsForeign(question: string): boolean {
  if (FOREIGN_FOLDED.test(fold(question))) return true;
  return syllables(question).some((s) => FOREIGN_WRITTEN.has(s));
}

/**
 * `ranked` with FOREIGN_UNASKED_PENALTY of the best score taken from every chunk whose title
 * names a foreign element, when the question says nothing foreign; unchanged (the same array)
 * otherwise.
 */
export function withoutForeignUnasked(lex: LexicalIndex, ranked: ScoredChunk[], question: string, penalty = FOREIGN_UNASKED_PENALTY): ScoredChunk[] {
  if (penalty <= 0 || !ranked.length || mentionsForeign(question)) return ranked;
  return lowerWhere(ranked, penalty, (i) => lex.chunks[i]!.foreign === true || lex.contains(i, 'nuocngoai', ['title']));
}
