import { foldedSyllables, STOP_SYLLABLES } from '../../ingest/text/vietnamese.js';
import type { SearchResult } from '../retrieval/retriever.js';
import { readOffTopic } from './offtopic.js';
import { outsideSubject } from './outside.js';
import type { OffTopicRequest, Request } from './requests.js';

/**
 * Scope follows the library: a question is in scope when retrieval finds a document that
 * answers it, whatever its subject — a law uploaded today included. There is no list of what is in
 * scope; the legal subjects outside it (outside.ts, data/outside.tsv) are refused only where the
 * library does not frame them.
 *
 * The evidence is read from the hits themselves, on a scale of our own, so it does not depend on
 * how the retriever scores (it is being rewritten): how much of the question's own wording — its
 * content syllables, and its pairs of adjacent content syllables ("giảm giá", "xe buýt") — the
 * best articles contain.
 *
 * Calibration (2026-12, retriever of that day, bundled corpus + an uploaded test law, on
 * ../shared/eval/dev-questions.jsonl and eval/safety-dev.jsonl): 92 of 97 in-scope dev questions
 * have a legal topic; the 5 without one, and the uploaded law's questions, all reach share ≥ 0.5
 * with ≥ 1 pair (lowest 0.50 / 1, "thả rông vật nuôi"). Off-topic messages without a topic reach
 * 0–0.67 share, but only those naming an off-topic subject (lottery results, formula milk) pass
 * both bars, and requests.tsv refuses those first. Re-measure with `npm run eval:safety` and
 * `npm run eval -- --answers` whenever retrieval changes.
 */

/**
 * Below this share of the question's information (the retriever's own coverage) the best hit is
 * no match at all; officials' gap report (server/insights/gaps.ts) uses it to name the closest law.
 */
export const MIN_COVERAGE = 0.25;

/** Share of the question's content syllables found in one of the best articles. */
export const MIN_SHARE = 0.5;
/** Adjacent content-syllable pairs of the question found in that article. */
export const MIN_PAIRS = 1;
/** How many of the best hits are read. */
const READ_HITS = 3;

export interface Evidence {
  share: number;
  pairs: number;
}

type Subjected = Pick<SearchResult, 'topics' | 'subject'>;

/**
 * Whether only how she asks reads legal: every topic recognised is an asking one (a sanction, whom
 * to tell, who helps — topics.tsv "asks") and she asks about something else. "vượt đèn đỏ bị phạt
 * bao nhiêu" reads the topic of sanctions, and the library holds fines, but not for traffic; what
 * she asks about must then be held by the library like a question without a topic, her asking words
 * left out ("phạt", "tiền" are in every article on fines).
 */
export function asksOnly(search: Subjected): boolean {
  const s = search.subject;
  return !!s && s.terms.length > 0 && search.topics.length > 0 && s.topics.length === 0;
}

/**
 * The share of the question's information the best article holds (the retriever's coverage): of
 * her subject's only when only her asking words read legal (asksOnly). The gap report names the
 * closest law by it too, so that a fine for family violence is not named for a traffic fine.
 */
export function heldInformation(search: Pick<SearchResult, 'coverage' | 'topics' | 'subject'>): number {
  return asksOnly(search) ? search.subject!.coverage : search.coverage;
}

function contentSyllables(text: string): string[] {
  return foldedSyllables(text).filter((t) => !STOP_SYLLABLES.has(t) && !/^\d+$/.test(t));
}

/**
 * The best (share, pairs) over the first hits: how well the library's text covers the question —
 * her subject's words only, when only her asking words read legal (asksOnly).
 */
export function evidence(question: string, search: Pick<SearchResult, 'hits'> & Partial<Subjected>): Evidence {
  const q = foldedSyllables(question);
  const subject = search.topics && asksOnly(search as Subjected) ? new Set(search.subject!.terms) : null;
  const hers = (w: string) => !subject || subject.has(w);
  const content = [...new Set(contentSyllables(question))].filter(hers);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < q.length; i++) {
    const [a, b] = [q[i]!, q[i + 1]!];
    if (!STOP_SYLLABLES.has(a) && !STOP_SYLLABLES.has(b) && hers(a) && hers(b)) pairs.add(`${a} ${b}`);
  }
  let best: Evidence = { share: 0, pairs: 0 };
  for (const hit of search.hits.slice(0, READ_HITS)) {
    // The chunk her words found, not the whole of a long article (ArticleHit.foundBy): the bars below were
    // calibrated on what retrieval matched.
    const words = foldedSyllables(`${hit.header} ${hit.foundBy ?? hit.text}`);
    const set = new Set(words);
    const bigrams = new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
    const share = content.length ? content.filter((w) => set.has(w)).length / content.length : 0;
    const found = [...pairs].filter((p) => bigrams.has(p)).length;
    if (share + found > best.share + best.pairs) best = { share: Number(share.toFixed(3)), pairs: found };
  }
  return best;
}

/**
 * With no legal topic recognised, the share of the question's information (the retriever's
 * coverage: IDF mass, unknown words included) the best article must hold. Words every law uses
 * ("thành phố", "nước", "năm nay") carry little of it, so a general-knowledge question that happens
 * to share them ("thủ đô của nước Úc là thành phố nào", 0.37) is not held, while a question on an
 * uploaded plan names its rare words (lowest in-scope question without a topic 0.79; dev questions,
 * eval/safety-dev.jsonl and eval/scope-check.jsonl, 2026-12).
 */
export const NO_TOPIC_MIN_COVERAGE = 0.5;

/**
 * In scope: a legal topic was recognised in what she asks about, or the best articles contain most
 * of the question's wording including at least one of its word pairs, and most of its information
 * (of her subject's, when only her asking words read legal). The question defaults to the
 * retriever's normalised form of it.
 */
export function inLibrary(search: Pick<SearchResult, 'hits' | 'topics' | 'expanded' | 'coverage' | 'subject'>, question: string = search.expanded): boolean {
  if (!search.hits.length) return false;
  const asks = asksOnly(search);
  if (search.topics.length > 0 && !asks) return true;
  const e = evidence(question, search);
  // Her asking words say she asks a legal question: her subject need only be matched at all
  // (MIN_COVERAGE of its information) with half its words or one of its word pairs. "đưa người đi
  // bán ra nước ngoài thì bị tù mấy năm" is held (0.80, 4 of 7 words); "vượt đèn đỏ bằng xe máy bị
  // phạt bao nhiêu" is not (1 word of 4, no pair, in an article on fines for family violence).
  if (asks) return heldInformation(search) >= MIN_COVERAGE && (e.share >= MIN_SHARE || e.pairs >= MIN_PAIRS);
  return e.share >= MIN_SHARE && e.pairs >= MIN_PAIRS && search.coverage >= NO_TOPIC_MIN_COVERAGE;
}

/**
 * Held by the library beyond doubt: one of the best articles holds nearly all of the question's
 * wording and several of its word pairs. A subject that reads off-topic ("trồng rau", "xe buýt")
 * is then answered anyway — scope follows the library, and an official may have uploaded a law on
 * it. The more the message reads off-topic, the more pairs the article must share with it: one
 * more per ODDS_PER_PAIR of off-topic odds, so "trẻ sơ sinh bị vàng da…" (odds 17) is not held by
 * two incidental pairs while "người cao tuổi đi xe buýt có được giảm giá vé" (odds 9, four pairs
 * in the uploaded law) is.
 */
export const HELD_SHARE = 0.8;
export const HELD_PAIRS = 2;
const ODDS_PER_PAIR = 10;

export function heldByLibrary(search: Pick<SearchResult, 'hits' | 'expanded'>, question: string = search.expanded, odds = 0): boolean {
  if (!search.hits.length) return false;
  const e = evidence(question, search);
  return e.share >= HELD_SHARE && e.pairs >= HELD_PAIRS + Math.max(0, Math.floor(odds / ODDS_PER_PAIR));
}

/**
 * Off-topic odds (offtopic.ts) from which a message is refused unless the library holds it.
 * Calibration (2026-12, eval/scope-check.jsonl, eval/safety-dev.jsonl and the dev questions): no
 * in-scope question reads above 1.0 (the highest: "ly hon thi con 2 tuoi o voi ai", 1.0; a plan's
 * "khám sàng lọc ung thư…" −6.2); off-topic messages without a listed phrase from 3.9 (a star sign)
 * up, most above 10. Messages below it still need the library's evidence (inLibrary).
 */
export const OFF_TOPIC_ODDS = 4;
/**
 * Reads so much like members' legal questions (odds at most this) that a best article holding a
 * quarter of its information or of its content words (MIN_COVERAGE) is enough, whatever its wording: "nhà trường chỉ cho
 * con trai học tiếp, con gái phải nghỉ có sai không" (−20) shares no word pair with the article
 * that answers it. Off-topic messages without a listed phrase read above −13 (eval sets, 2026-12);
 * a listed phrase in such a message is context, not the request.
 */
export const LEGAL_ODDS = -15;

export interface ScopeDecision {
  /** Refused as outside the library. */
  refuse: boolean;
  /** Why, for the refusal's first sentence: the off-topic subject found, when one was. */
  request: Request | null;
}

/**
 * The whole scope decision for a message that shows no danger and was not refused up front: an
 * off-topic subject (a listed phrase, or the off-topic model's reading) is refused unless the
 * library holds the question closely; anything else is answered when the library has it.
 */
export function judgeScope(
  request: Request | null,
  search: Pick<SearchResult, 'hits' | 'topics' | 'expanded' | 'coverage' | 'subject'>,
  question: string = search.expanded,
): ScopeDecision {
  const off = readOffTopic(question);
  // Who holds an office or what a public figure did, another country's law, an official's pay, an
  // office's hours: the Constitution names the office, never who; the library holds Vietnamese law,
  // never what it pays or when a door opens. These rows name the request itself (requests.tsv), so
  // however legal the rest of the message reads ("bên Hàn ly hôn thì chia tài sản thế nào", odds
  // −22), it is refused.
  if (request?.kind === 'offtopic' && request.always) return { refuse: true, request };
  // A listed phrase inside what reads as a member's legal question is context, not the request:
  // "chồng chơi số đề thua nợ, vợ có phải trả không" asks about a debt.
  const listed = request?.kind === 'offtopic' && off.odds > LEGAL_ODDS;
  // An illness told in her story ("con em bị sốt xuất huyết nằm viện 7 ngày") before a legal ask
  // ("em nghỉ chăm con có được bảo hiểm trả không") is context: the subject is what she asks.
  const storyOnly = off.odds >= OFF_TOPIC_ODDS && search.topics.length > 0 && asksLegally(question);
  if ((listed || (off.odds >= OFF_TOPIC_ODDS && !storyOnly)) && !heldByLibrary(search, question, off.odds)) {
    const read: OffTopicRequest = listed && request?.kind === 'offtopic' ? request : { kind: 'offtopic', name: off.domain, lead: off.lead };
    return { refuse: true, request: read };
  }
  // A legal subject the library holds no law on (data/outside.tsv: tax, banking, an insurer's products…),
  // named in passing by the articles her words find and by no subject of the library in the rest of
  // her question: she is told the library lacks it, not given an article on something else.
  if (outsideSubject(question, search.hits)) return { refuse: true, request: null };
  // A message reading strongly like members' legal questions is the library's to answer as soon as
  // its best article is a match at all (MIN_COVERAGE): members word the same situation in many ways,
  // and a refusal never cites the article that answers her.
  // Either measure will do: coverage counts a phone number or a village's name as information the
  // library lacks, the share of content words does not (the officials' gap report searches the
  // question with those redacted, and must agree with the chat).
  // Not when only her asking words read legal: "nộp phạt" reads as legal as any member's question.
  const legal =
    off.odds <= LEGAL_ODDS &&
    !asksOnly(search) &&
    search.hits.length > 0 &&
    (search.coverage >= MIN_COVERAGE || evidence(question, search).share >= MIN_COVERAGE);
  const inScope = legal || inLibrary(search, question);
  return { refuse: !inScope, request: listed ? request : null };
}

/**
 * The asking part reads legal below these odds. Off-topic asks read well above it ("thì uống thuốc
 * gì" 23, "đi khám ở đâu" 2, "bệnh viện nào chữa tốt" 3); a legal ask typed in shorthand reads less
 * surely legal than one typed in full ("e nghi cham con co dc bh tra ko" −8, with dấu −22).
 */
const ASKING_ODDS = 0;
/** The fewest syllables the asking part of a message has: "…, có được không" asks about the clause before. */
const ASKING_MIN_SYLLABLES = 5;

/**
 * Whether the part of a message that asks — its last clause, with those before it until it has
 * ASKING_MIN_SYLLABLES — reads more like members' legal questions than like anything else (ASKING_ODDS). A message
 * of one clause has no story apart from its ask.
 */
export function asksLegally(question: string): boolean {
  const clauses = question
    .normalize('NFC')
    .split(/[,.;:!?\n]+/u)
    .map((c) => c.trim())
    .filter(Boolean);
  let part = '';
  for (let i = clauses.length - 1; i > 0; i--) {
    part = part ? `${clauses[i]} ${part}` : clauses[i]!;
    if (foldedSyllables(part).length >= ASKING_MIN_SYLLABLES) return readOffTopic(part).odds < ASKING_ODDS;
  }
  return false;
}
