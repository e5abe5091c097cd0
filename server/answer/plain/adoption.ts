import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';

/**
 * A rule about adoption ("Lợi dụng việc nuôi con nuôi để trục lợi, bóc lột sức lao động…", Luật Nuôi con
 * nuôi Điều 13 khoản 1) shares the words of a question about a child exploited or sold by anyone ("thằng
 * cháu bị ông chú bắt đi bán vé số cả ngày, có phải bị bóc lột không") and answers it only where the
 * child was taken in as an adopted one: she was told what an adopter may not do and sent to the commune's
 * adoption office. It answers when she names adoption, giving or taking a child in, or a foster parent.
 * Read from the law's words: a unit states the case when its document is a law on adoption (its title
 * says "nuôi con nuôi"). Not any unit naming an adopted child: the maternity and bereavement rules list
 * "nhận con nuôi", "cha nuôi, mẹ nuôi" beside a birth and a parent, and answer her for those.
 */
const ADOPTION_LAW = /nuôi con nuôi/iu;

/** Folded: adoption named, or a child given, asked for or taken in to raise. */
const ADOPTION_NAMED =
  /\b(con nuoi|nhan nuoi|(cha|me|bo|ba|ma) nuoi|xin (con|dua|chau|be|em be)|(cho|nhan|xin) (\S+ ){0,3}(lam con|ve nuoi)|nuoi (chau|dua be|dua tre|em be|dua nho|be)|cho (\S+ ){0,2}nuoi|bo roi)\b/;

export function statesAdoptionCase(documentTitle: string | null | undefined): boolean {
  return ADOPTION_LAW.test((documentTitle ?? '').normalize('NFC'));
}

/** Whether she names adoption or a child given or taken in, read in standard words (shorthand expanded: "e" is "em"), folded. */
export function namesAdoption(question: string): boolean {
  return ADOPTION_NAMED.test(fold(standardWords(question)).toLowerCase());
}
