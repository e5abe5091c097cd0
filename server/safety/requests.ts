import { matchWithMasks, PhraseTable, readRows, tokenize, type Match, type Row } from './lexicon.js';
import type { Token } from './normalise.js';
import { numbersInDigits } from './numbers.js';

/**
 * Requests refused before any law is looked up (data/requests.tsv): attempts to steer the
 * assistant, requests to do something unlawful or harmful, and subjects no law answers
 * (weather, lottery numbers, horoscopes, medicine doses…).
 */

export interface UnlawfulRequest {
  kind: 'unlawful';
  name: string;
  consequence: string;
  /** Search that finds the article stating the consequence, when the library has one. */
  consequenceQuery: string;
  alternative: string;
}
export interface OffTopicRequest {
  kind: 'offtopic';
  name: string;
  lead: string;
  /**
   * Refused even when the library shares its words ("always" in requests.tsv): who holds an office
   * or will, what a public figure did — a law names the office, it never answers who.
   */
  always?: boolean;
}
export type Request = { kind: 'injection' } | UnlawfulRequest | OffTopicRequest;

/**
 * A row's "@a & @b" phrase: every named set must be found in the message. "@a > @b" asks for more:
 * a phrase of b within two words after one of a, in the same clause — "@role > @payask" reads
 * "thẩm phán huyện lương bao nhiêu" but not "chồng em là công an, lương 12 triệu… cấp dưỡng bao nhiêu".
 */
interface Combination {
  concept: string;
  /** Each part is a chain of sets read in order ("@a > @b"); a part of one set is found anywhere. */
  parts: string[][];
}

/** Words a chain's next set may follow the previous one by (as "~" in a phrase). */
const NEAR = 2;

let cache: { table: PhraseTable; rows: Map<string, Row>; combinations: Combination[] } | null = null;
function load() {
  if (cache) return cache;
  const rows = readRows('requests.tsv');
  const combined = (p: string) => p.includes('&') || p.includes('>');
  const combinations = rows.flatMap((r) =>
    r.phrases.filter(combined).map((p) => ({
      concept: r.concept,
      parts: p.split('&').map((part) => part.split('>').map((x) => `set:${x.trim().replace(/^@/, '')}`)),
    })),
  );
  const plain = rows.map((r) => ({ ...r, phrases: r.phrases.filter((p) => !combined(p)) }));
  cache = { table: new PhraseTable(plain), rows: new Map(rows.map((r) => [r.concept, r])), combinations };
  return cache;
}

/**
 * The combinations found: each is read as a match of its row spanning its parts' first matches, so
 * whose act it is (doneToHer) is read before the earliest of them, as for a phrase.
 */
function combinationsFound(matches: Match[], combinations: Combination[]): Match[] {
  const out: Match[] = [];
  for (const c of combinations) {
    const found = c.parts.map((chain) => chainAt(matches, chain));
    if (found.some((m) => !m)) continue;
    const spans = found as Match[];
    const first = spans.reduce((a, b) => (b.start < a.start ? b : a));
    out.push({ concept: c.concept, start: first.start, end: Math.max(...spans.map((m) => m.end)), clause: first.clause });
  }
  return out;
}

/** The first span where the chain's sets follow one another, each within NEAR words of the last, in one clause. */
function chainAt(matches: Match[], chain: string[]): Match | null {
  const from = (m: Match, rest: string[]): Match | null => {
    if (!rest.length) return m;
    for (const n of matches) {
      if (n.concept !== rest[0] || n.clause !== m.clause || n.start < m.end || n.start - m.end > NEAR) continue;
      const end = from(n, rest.slice(1));
      if (end) return { concept: m.concept, start: m.start, end: end.end, clause: m.clause };
    }
    return null;
  };
  for (const m of matches)
    if (m.concept === chain[0]) {
      const span = from(m, chain.slice(1));
      if (span) return span;
    }
  return null;
}

/** The first kind found, in this order: injection, unlawful, off-topic; null for anything else. */
export function readRequest(message: string): Request | null {
  const { table, rows, combinations } = load();
  // Ages in words are read as digits, as the danger assessment reads them ("mười lăm tuổi" is "15 tuổi").
  const tokens = numbersInDigits(tokenize(message, { turns: false }));
  const phrases = matchWithMasks(table, tokens);
  const matches = [...phrases, ...combinationsFound(phrases, combinations)];
  const found = matches.map((m) => m.concept);
  if (found.includes('injection')) return { kind: 'injection' };
  // The longest phrase names the request best: "sửa tuổi … để lấy chồng sớm" is a child marriage.
  // An act done to her ("chồng đọc trộm tin nhắn của em", "bị tố giả chữ ký") is her legal question.
  // "cho chồng mất việc", "clip của người yêu cũ": a person after "cho", "của", "với"… is the one
  // it is done to, not the doer.
  const frames = matches.filter((m) => WHOSE.has(m.concept) && !(m.concept === 'frame:victim' && OBJECT_BEFORE.test(tokens[m.start - 1]?.text ?? '')));
  const unlawful = matches
    .filter((m) => m.concept.startsWith('unlawful:') && !acrossThi(m, tokens, rows) && !doneToHer(m, frames, tokens) && !askedAsLaw(m, matches, frames, tokens))
    .sort((a, b) => b.end - b.start - (a.end - a.start))[0]?.concept;
  if (unlawful) {
    const [, consequence = '', consequenceQuery = '', alternative = ''] = rows.get(unlawful)!.extra;
    return { kind: 'unlawful', name: unlawful.slice(9), consequence, consequenceQuery, alternative };
  }
  // A subject refused whatever the library holds names the request before a plain listed one.
  const offs = found.filter((c) => c.startsWith('offtopic:'));
  const off = offs.find((c) => rows.get(c)!.extra[2] === 'always') ?? offs[0];
  if (off) {
    const [, lead = '', always] = rows.get(off)!.extra;
    return { kind: 'offtopic', name: off.slice(9), lead, ...(always === 'always' ? { always: true } : {}) };
  }
  return null;
}

/**
 * "làm giả giấy tờ thì bị phạt thế nào", "em muốn biết đưa hối lộ … thì bị đi tù", "di chúc có tẩy
 * xóa thì có còn giá trị không", "mức phạt … tung ảnh riêng tư của vợ": a question about the
 * consequence, validity or procedure of the act (frame:law before or after the phrase), neither
 * negated — "mà không bị phạt" is evasion — nor a purpose — "để hàng xóm bị phạt" — asks about the
 * law, unless the nearest frame before the phrase is her asking how ("làm sao", "cách", "muốn"),
 * which makes it her request with a worry attached.
 *
 * A purpose ("để") counts only in the clause of the frame, and not when the frame is asked ("có bị",
 * "thì bị", "có hợp lệ"): "làm giả giấy tờ để lấy tiền bảo hiểm có bị sao không" and "bố mẹ ép con
 * gái lấy chồng để lấy tiền sính lễ, có bị đi tù không" ask the consequence of the whole act.
 */
function askedAsLaw(m: Match, matches: Match[], frames: Match[], tokens: Token[]): boolean {
  const consequence = matches.some((l) => {
    if (l.concept !== 'frame:law') return false;
    if (l.end > m.start && l.start < m.end) return false;
    if (l.start < m.start && l.clause !== m.clause) return false;
    if (NEGATION.test(wordAt(tokens, l.start - 1))) return false;
    // "có bị", "thì bị", "có hợp lệ": the frame asked, within two words before it.
    const asked = [0, 1, 2].some((back) => /^(có|co|thì|thi)$/.test(wordAt(tokens, l.start - back)));
    const [from, to] = l.start >= m.end ? [m.end, l.start] : [l.end, m.start];
    const purpose = tokens.slice(from, to).some((t, k) => /^(để|đê)$/.test(t.text) && tokens[from + k]!.clause === l.clause);
    return !(purpose && !asked);
  });
  if (!consequence) return false;
  const before = frames.filter((f) => f.clause === m.clause && f.start < m.start).sort((a, b) => b.start - a.start || b.end - a.end)[0];
  return before?.concept !== 'frame:ask';
}

/** The text of tokens[i], or '' outside the message. */
const wordAt = (tokens: Token[], i: number): string => tokens[i]?.text ?? '';

const NEGATION = /^(không|khong|khỏi|khoi|chẳng|chang|tránh|tranh|đỡ)$/;

/**
 * A phrase whose gap reaches over "thì" joins a condition to the question after it: "chồng muốn bỏ tật
 * đánh vợ thì học ở đâu" is not "vợ ~ ở đâu" (where his wife is). Rows that spell "thì" themselves keep it.
 */
function acrossThi(m: Match, tokens: Token[], rows: Map<string, Row>): boolean {
  if (rows.get(m.concept)?.phrases.some((p) => /(^|\s)(thì|thi)(\s|$)/.test(p))) return false;
  return tokens.slice(m.start + 1, m.end - 1).some((t) => /^(thì|thi)$/.test(t.text));
}

/** Frames that say whose act a phrase names: hers (ask), someone else's done to her (victim), or a question about it. */
const WHOSE = new Set(['frame:ask', 'frame:victim', 'frame:question']);

/**
 * Words after which a person is an object ("cho chồng", "của vợ", "với hắn", "biết vợ đang ở…",
 * "tìm vợ", "theo dõi vợ"), not the one acting.
 */
const OBJECT_BEFORE = /^(cho|của|cua|với|voi|về|để|tới|đến|giùm|hộ|biết|biet|tìm|tim|thấy|gặp|dõi|vị|tra)$/;

/**
 * Being under a protection order ("bị cấm tiếp xúc") is the situation of the one who would break
 * it, not harm done to her: that request is never read as done to her.
 */
const ALWAYS_HER_REQUEST = new Set(['unlawful:evade-order']);

/**
 * Whether an unlawful act is done to her rather than asked for: the nearest frame before the
 * phrase, in its clause, names someone else as the doer ("chồng", "hàng xóm", "bị", "dọa", "ép").
 * She asks for it when that frame is hers ("làm sao để", "muốn", "cho em xin") or there is none.
 * Two more ways say it is done to her: she or her child is named right after the act ("tin giả bôi
 * nhọ con tôi", "tung ảnh của tôi"), and an act listed after a passive in the clause before, with
 * nothing else in its own clause ("con nuôi bị bố mẹ nuôi đối xử tàn tệ, làm nhục").
 */
function doneToHer(m: Match, frames: Match[], tokens: Token[]): boolean {
  if (ALWAYS_HER_REQUEST.has(m.concept)) return false;
  const before = frames.filter((f) => f.clause === m.clause && f.start < m.start).sort((a, b) => b.start - a.start || b.end - a.end)[0];
  if (before) return before.concept === 'frame:victim';
  // "vợ tôi" closing the phrase ("địa chỉ nhà tạm lánh mà vợ tôi đang ở") names whose wife, not whom it is done to.
  if (!PERSON_WORD.test(tokens[m.end - 1]?.text ?? '') && herAfter(tokens, m.end)) return true;
  const alone = tokens[m.start - 1]?.clause !== m.clause && tokens[m.end]?.clause !== m.clause;
  if (!alone) return false;
  const prev = frames.filter((f) => f.clause === m.clause - 1).sort((a, b) => b.start - a.start)[0];
  return prev?.concept === 'frame:victim' && /^(bị|bi)$/.test(wordAt(tokens, prev.start)) && prev.end - prev.start === 1;
}

const PERSON_WORD = /^(vợ|vo|chồng|chong|ck|con|bồ|bo|nó|no|người|nguoi|yêu|yeu|kia|ta|ấy|ay|hắn|han|cũ|cu)$/;

/**
 * "tôi", "con tôi", "của tôi", "nhà mình", "của em" right after the act: she or her own is the one it
 * is done to ("chồng em hay xem điện thoại, đọc tin nhắn của em"). "em" is how most members name
 * themselves, but also a younger sibling or a child: followed by a word that makes it someone else
 * ("em gái", "em chồng", "em bé", "em ấy") it is not her.
 */
function herAfter(tokens: Token[], at: number): boolean {
  const self = (i: number) =>
    SELF.test(wordAt(tokens, i)) ||
    (SELF_EM.test(wordAt(tokens, i)) && (tokens[i + 1]?.clause !== tokens[i]?.clause || !NOT_HER_AFTER_EM.test(wordAt(tokens, i + 1))));
  if (self(at)) return true;
  // Past a kin word only "tôi", "mình": "con bồ của chồng em" is his, named by whose husband.
  return /^(của|cua|con|nhà|nha|vợ|vo|chồng|chong|mẹ|me|bố|bo)$/.test(wordAt(tokens, at)) && SELF.test(wordAt(tokens, at + 1));
}

const SELF = /^(tôi|toi|mình|minh)$/;
const SELF_EM = /^(em|e)$/;
/** After "em", a word naming another person: a sibling, an in-law, a baby, "em ấy", "em nó". */
const NOT_HER_AFTER_EM =
  /^(gái|gai|trai|chồng|chong|vợ|vo|dâu|dau|rể|re|họ|ho|ruột|ruot|út|ut|bé|be|nhỏ|nho|ấy|ay|nó|no|kết|ket|nuôi|nuoi|cùng|cung|học|hoc|sinh)$/;
