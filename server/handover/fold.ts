import { foldedSyllables } from '../../ingest/text/vietnamese.js';

/**
 * Question words, particles and pronouns that change between rewordings of one question
 * ("thế nào" / "ra sao", "bao nhiêu" / "mấy", "ạ", "tôi" / "em"). Folded forms. Narrower
 * than STOP_SYLLABLES on purpose: folding merges words, and syllables such as con (child),
 * tai (tài sản), tao (tảo hôn), roi (quấy rối), ban (mua bán), da (đá) must still count.
 */
const FILLER = new Set(
  (
    'thi la ma va cua co khong ko k kg duoc dc nhu the nao sao gi ra a ah nhe nha oi u vang ' +
    'toi em minh ay chi anh hoi xin cho voi khi neu phai bao nhieu may hay hoac nhung cac mot nay do ve o theo'
  ).split(/\s+/),
);

/**
 * The form a question is compared in: diacritic-folded syllables without filler, so
 * "Chồng đánh vợ thì bị phạt thế nào ạ?" and "chong danh vo bi phat ra sao" become the
 * same string and only content syllables count towards similarity.
 */
export function matchForm(question: string): string {
  // Redaction placeholders ("[số điện thoại]") are not part of the question.
  const all = foldedSyllables(question.replace(/\[[^\]]{1,30}\]/g, ' '));
  const content = all.filter((s) => !FILLER.has(s));
  return (content.length ? content : all).join(' ');
}
