import { fold } from '../../ingest/text/vietnamese.js';
import type { Token } from './normalise.js';

/**
 * How a post in a village group ends, read on the folded syllables of its last words: thanks ("em cảm ơn ạ", "e cam on
 * mn nhiều", "thanks cả nhà"), her worry over the question ("mấy hôm nay em lo quá", "em lo lắng quá không biết hỏi ai",
 * "mấy đêm nay em mất ngủ vì chuyện này") or a plea for an answer ("mong mọi người giải đáp giúp em"). These tell
 * nothing of danger, yet their "em" had read as the one a harm is done to ("có phải bạo lực gia đình không em…") or as her
 * own story, and their days as the time of a harm. Thanks for everything ("cảm ơn vì tất cả") is a farewell and is not
 * this; fear ("em sợ quá"), a cry ("giúp em với") and "không biết làm sao" are never cut.
 */
const CLOSING = new RegExp(
  [
    '^((em|e|toi|minh|tui|con|chau) )?(xin )?(chan thanh )?(cam on|camon|thanks|thank you|thank|tks)( (a|anh|nhieu|lam|nha|nhe|moi nguoi|mn|cac chi|ca nha|chi em|truoc|rat nhieu|luon))*$',
    '^(((may|ca) (hom|ngay|dem|bua|tuan|thang) nay |dao nay |hom nay )((em|e|toi|minh|tui|chi) )?|(em|e|toi|minh|tui|chi) )(thay )?(dang )?(rat |that su |thuc su )?(lo|lo lang|buon|mat ngu|suy nghi|be tac|trang troc|cang thang|roi boi|hoang mang)( (qua|lam|ghe|that|vo cung|nhieu))*( (khong biet hoi ai|chang biet hoi ai|khong biet hoi o dau|vi chuyen nay|vi chuyen do|vi viec nay))?( (a|anh))?$',
    '^(mong|rat mong|mong la) (moi nguoi|mn|cac chi|ca nha|chi em|cac ban|luat su) (giai dap|tu van|chi|tra loi)( (giup|gium|ho|cho))?( (em|e|minh|toi))?( (voi|a|anh|nhe|nha))*$',
  ].join('|'),
);
/** The last word of a question: "không", "ko", "chưa", "gì", "nào", "sao", "đâu", "ạ", "nhỉ", "vậy". */
const ASKED_END = /^(khong|ko|k|kh|khg|kg|hong|hok|chua|gi|nao|sao|dau|a|nhi|vay|the|nhieu|bao)$/;
const PRONOUN = /^(em|e|toi|minh|tui|con|chau|chi)$/;
/** Words a pronoun ends a question after: "của em", "cho em", "với em", "giúp em". */
const AFTER_WORD = /^(cua|cho|voi|giup|gium|ho|ve|den|toi)$/;
/** The closing of a post cut off its end (CLOSING), at most twice (worry, then thanks); never the whole message. */
export function withoutClosing(tokens: Token[]): Token[] {
  let out = tokens;
  for (let round = 0; round < 2; round++) {
    const folded = out.map((t) => fold(t.text).toLowerCase());
    let cut = -1;
    for (let start = Math.max(1, out.length - 14); start < out.length; start++) {
      // "quyền lợi của em thanks cả nhà", "ai lo cho em lo": a pronoun after "của", "cho", "với" is the question's.
      if (PRONOUN.test(folded[start]!) && AFTER_WORD.test(folded[start - 1]!)) continue;
      if (CLOSING.test(folded.slice(start).join(' '))) {
        cut = start;
        break;
      }
    }
    // "… thì có bị tội không hôm nay": the day told after the question has closed is the day she asks, not a harm's.
    const n = folded.length;
    if (cut < 0 && n >= 3 && folded[n - 2] === 'hom' && folded[n - 1] === 'nay' && ASKED_END.test(folded[n - 3]!)) cut = n - 2;
    if (cut < 0) break;
    out = out.slice(0, cut);
  }
  return out;
}

/**
 * How a post opens, as whole clauses before what she asks: a greeting to the group ("Chào các chị", "Em chào mọi người",
 * "Mọi người ơi"), the ask announced ("cho em hỏi chút ạ:", "em có chuyện muốn hỏi."), or what she learnt pointed at
 * ("hôm nay em mới biết chuyện này,"). A clause of "cho em hỏi" had framed the rest as a question in general, so a danger
 * told after it read calm; a greeting's "em" made a question her own story. A call for help ("giúp em với") is not cut
 * here: it is read with what follows (assess.ts, groupCallAsked).
 */
const OPENING = new RegExp(
  [
    '^((moi nguoi|mn|cac chi|ca nha|chi em|cac ban|cac me|anh chi)( oi)? )?((em|e|minh|toi|tui) )?(xin )?(chao|hello|hi|alo)( (moi nguoi|mn|cac chi|ca nha|chi em|cac ban|cac me|nhom|anh chi|ca nha minh|tat ca))?( (a|nhe|nha|oi))*$',
    '^(moi nguoi|mn|cac chi|ca nha|chi em|cac ban|cac me|anh chi) oi( (a|nhe|nha))*$',
    '^((moi nguoi|mn|cac chi|ca nha|chi em|cac ban|cac me|anh chi)( oi)? )?(hom nay )?((cho|xin) )?((em|e|minh|toi|tui) )?(xin )?((len day|vao day|len nhom|len group|vao nhom) )?hoi( (chut|xiu|ti|cai|voi|a|nhe|nha|moi nguoi|mn|cac chi|ca nha|chi em|cac me|cac ban))*$',
    '^(em|e|minh|toi|tui) (co|dang co) (chuyen|viec|cau|cau hoi|van de|dieu)( (muon|can|nay))* (hoi|duoc tu van|tu van)( (a|voi|chut|moi nguoi|mn|cac chi|ca nha|chi em))*$',
    '^(hom nay )?(em|e|minh|toi|tui) (moi )?(biet|hay|doc duoc|nghe noi) (chuyen|viec) (nay|do)( (a|thoi))?$',
  ].join('|'),
);
/** The opening clauses of a post (OPENING) cut off its start; never the whole message. */
export function withoutOpening(tokens: Token[]): Token[] {
  let from = 0;
  while (from < tokens.length) {
    const clause = tokens[from]!.clause;
    let to = from;
    while (to < tokens.length && tokens[to]!.clause === clause) to++;
    if (to >= tokens.length) break;
    const text = tokens
      .slice(from, to)
      .map((t) => fold(t.text).toLowerCase())
      .join(' ');
    if (!OPENING.test(text)) break;
    from = to;
  }
  return from ? tokens.slice(from) : tokens;
}

/** A post without its opening and closing words (withoutOpening, withoutClosing). */
export const withoutWrapping = (tokens: Token[]): Token[] => withoutClosing(withoutOpening(tokens));
