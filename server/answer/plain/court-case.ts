import { fold } from '../../../ingest/text/vietnamese.js';
import { standardWords } from '../../retrieval/query.js';

/**
 * What a court does while it hears a case between them (PCBLGĐ Điều 26: "Tòa án nhân dân đang thụ
 * lý hoặc giải quyết vụ án dân sự giữa người bị bạo lực gia đình và người có hành vi bạo lực gia
 * đình quyết định áp dụng biện pháp cấm tiếp xúc") shares every word of a victim's question on a
 * no-contact order and answers only one whose divorce or other suit is before the court: "bị ck
 * đánh, e muốn xin cấm ck lại gần thì lên đâu xin" had been told the court, not the commune
 * chairman (Điều 25 khoản 1), who decides for anyone. Read from the law's words.
 */
const WHILE_HEARING = /đang thụ lý hoặc giải quyết vụ án/iu;

/** Whether a unit (its words or the lead-in of its điểm) is a court's power while it hears a case between the parties. */
export function statesPendingCase(text: string, leadIn: string | null | undefined): boolean {
  return WHILE_HEARING.test(`${leadIn ?? ''} ${text}`.normalize('NFC'));
}

/** Folded, in standard words: a court, a suit or a divorce she names ("đang kiện", "nộp đơn ly hôn", "tòa"). */
const NAMES_CASE = /\b(toa|toa an|kien|khoi kien|vu an|ly hon|ly di|bo nhau|nop don|dang xu|hau toa)\b/;

/** Whether she names a court, a suit or a divorce. */
export function namesCourtCase(question: string): boolean {
  return NAMES_CASE.test(fold(standardWords(question).normalize('NFC').toLowerCase()));
}
