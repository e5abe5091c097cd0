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

/** Countries and words for abroad, folded, whose folded form is no common Vietnamese word. */
const COUNTRIES = 'nuoc ngoai|ngoai quoc|trung quoc|han quoc|dai loan|nhat ban|campuchia|thai lan|malaysia|singapore|chau au|anh quoc';
/** Who she names before the country: a husband, a son-in-law, a child's father… */
const PERSONS = 'nguoi|chong|ck|vo|vk|lay|ban trai|nguoi yeu|ny|bo|me|cha|con re|con dau|dan ong';
/** Short names, folded, after a husband ("chồng Tàu", "lấy Hàn"), and those mentionsForeign reads after "người" ("người hạn chế" is no Korean). */
const SHORT = 'han|nhat|hoa|nga|tau|tay';
const SHORT_PERSON = 'han(?! che)|nhat|hoa|nga|tau';
const FOREIGN_PERSON = new RegExp(
  `\\b(?:(?:${PERSONS}) (?:${COUNTRIES})|(?:chong|ck|lay) (?:${SHORT})|nguoi (?:${SHORT_PERSON})|quoc tich|viet kieu|dinh cu)\\b`,
);
/** Short names and those whose folded form is a common word ("lao", "my", "duc"): with their dấu, after a person. */
const FOREIGN_PERSON_WRITTEN = /(^|[^\p{L}])(người|chồng|lấy|vợ) (lào|mỹ|úc|pháp|đức|hàn|nhật|hoa|nga|tàu|tây)(?![\p{L}])/u;

/**
 * Whether she names a foreign person ("con em đẻ với người Trung Quốc", "lấy chồng Đài Loan", "quốc
 * tịch", someone settled abroad), not only a place abroad: a Vietnamese fiancé working in Korea
 * marries her at the commune, as a foreign husband does not.
 */
export function namesForeignPerson(question: string): boolean {
  const q = question.normalize('NFC').toLowerCase();
  return FOREIGN_PERSON.test(fold(q)) || FOREIGN_PERSON_WRITTEN.test(q);
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
