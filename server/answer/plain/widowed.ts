import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';

/**
 * A widow asks who keeps her children or who pays his debts ("chồng tôi mất vì tai nạn, giờ bà
 * nội đòi nuôi cháu"): the rules for after a divorce (Luật HN&GĐ Điều 81 on custody "sau khi ly
 * hôn", Điều 60 on debts to third parties "khi ly hôn") share her words and answer a case she does
 * not have — her marriage ended by death (Điều 65), not by a court. An article whose title names a
 * divorce counts less when she says her husband or wife died and names no divorce, as the husband's
 * rule does when she names no man (husband.ts). Not an article on inheriting (BLDS Điều 655 on
 * spouses "đang xin ly hôn"): whether it answers is heirs.ts's.
 */

/** Folded: the husband or wife, then within two words a death; "mất tích", "mất việc" are no death. */
const SPOUSE_DIED =
  /\b(chong|vo)( \S+){0,2} (mat|chet|qua doi|tu tran|hi sinh|khuat)\b(?! (tich|viec|lien lac|kha nang|nang luc|tien|suc|ngu|het|dat|nha|xe|giay|so))|\bgoa (chong|vo)\b/;
const DIVORCE = /\b(ly hon|ly di|bo nhau|ly than|chia tay)\b/;

/** Whether she says her husband or wife died, read in standard words ("ck" is "chồng"), folded. */
export function spouseDied(question: string): boolean {
  return SPOUSE_DIED.test(fold(standardWords(question)));
}

/** Whether she says her husband or wife died and names no divorce. */
export function widowedNotDivorced(question: string): boolean {
  return spouseDied(question) && !DIVORCE.test(fold(standardWords(question)));
}

/** Whether an article's title names a divorce ("… khi ly hôn", "… sau khi ly hôn"). */
export function statesDivorceCase(articleTitle: string | null | undefined): boolean {
  return /ly hôn/iu.test((articleTitle ?? '').normalize('NFC'));
}
