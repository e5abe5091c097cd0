import { foldedSyllables } from '../../ingest/text/vietnamese.js';
import type { AnswerKind } from '../answer/answerer.js';
import { memoByText } from '../answer/memo.js';
import type { DocumentAsk } from '../retrieval/index/corpus-index.js';
import type { ArticleHit } from '../retrieval/retriever.js';

/**
 * Suggested next questions (issue 18, item 3): two or three things members typically ask next,
 * taken from how members ask about the articles around the answer (article_notes, kind 'ask',
 * corpus/articles/*.tsv). Where they come from, in order:
 *   1. neighbouring articles of the best hit's law (Điều ±1..3: a law keeps a subject together);
 *   2. the other khoản of the best article;
 *   3. the other hits of the answer that scored nearly as well as the best.
 * An emergency answer never points somewhere she did not go: its suggestions come only from the
 * articles it cited, and only phrasings that share a word with her own message.
 */

export interface Suggestion {
  /** As a member would type it, ready to send: "Chồng không cho vợ đi làm thì sao?". */
  text: string;
  documentId: string;
  article: string;
}

const MAX = 3;
/** A suggestion that repeats her question is no suggestion (share of shared syllables). */
const TOO_CLOSE = 0.6;
const NEIGHBOURS = 3;
/** Another hit is a related subject only when it scored at least this share of the best one. */
const OTHER_HIT_MIN = 0.6;
/** Words every phrasing has; sharing one of them says nothing about the subject. */
const COMMON = new Set([
  'co',
  'khong',
  'thi',
  'la',
  'duoc',
  'cua',
  'cho',
  'toi',
  'em',
  'chi',
  'sao',
  'gi',
  'nao',
  'phai',
  'lam',
  've',
  'va',
  'voi',
  'nhu',
  'the',
  'bi',
  'nguoi',
  'minh',
  'ma',
  'roi',
  'nay',
  'do',
  'khi',
  'neu',
  'can',
  'muon',
  'hoi',
  'o',
  'de',
  'con',
]);

interface Candidate extends Suggestion {
  rank: number;
  clause: string | null;
}

function content(s: string): Set<string> {
  return new Set(foldedSyllables(s).filter((w) => w.length > 1 && !COMMON.has(w)));
}

/** Phrasings are suggested over and over: each one's question form and its words are kept (shared, never changed). */
const PHRASINGS_KEPT = 5_000;
const questionOf = memoByText(asQuestion, PHRASINGS_KEPT);
const contentOf = memoByText((s: string): ReadonlySet<string> => content(s), PHRASINGS_KEPT);

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.min(a.size, b.size);
}

/** "chồng không cho vợ đi làm" → "Chồng không cho vợ đi làm thì sao?" */
export function asQuestion(text: string): string {
  const t = text.trim().replace(/[.…\s]+$/u, '');
  const cap = t.charAt(0).toUpperCase() + t.slice(1);
  if (/[?]$/.test(cap)) return cap;
  // Phrasings that already ask ("… không", "… gì", "… sao", "ai …") only need the mark.
  return /\b(không|chưa|gì|sao|nào|ai|đâu|bao nhiêu|bao lâu|mấy|được không)$/iu.test(cap) || /^(ai|ở đâu|khi nào|bao giờ)\b/iu.test(cap)
    ? `${cap}?`
    : `${cap} thì sao?`;
}

/** The member phrasings of the neighbouring articles of one law, in the order they were stored, nearest article first. */
function neighbourAsks(asks: readonly DocumentAsk[], around: number, exclude: Set<string>): DocumentAsk[] {
  const articles = new Set<string>();
  for (let d = 1; d <= NEIGHBOURS; d++) for (const n of [around - d, around + d]) if (n > 0 && !exclude.has(String(n))) articles.add(String(n));
  if (!articles.size) return [];
  // Nearest article first (a stable sort: stored order within a distance).
  return asks.filter((a) => articles.has(a.article)).sort((a, b) => Math.abs(Number(a.article) - around) - Math.abs(Number(b.article) - around));
}

/** `asks`: each document's member phrasings, from the index the hits came from (CorpusIndex.asks). */
export function suggestNext(asks: ReadonlyMap<string, readonly DocumentAsk[]>, input: { kind: AnswerKind; message: string; hits: ArticleHit[] }): Suggestion[] {
  const { kind, message, hits } = input;
  if (kind === 'out_of_scope' || !hits.length) return [];
  const asked = content(message);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (c: Candidate) => {
    const words = contentOf(c.text);
    const key = [...words].sort().join(' ');
    if (!words.size || seen.has(key) || overlap(words, asked) >= TOO_CLOSE) return;
    // An emergency answer stays on her subject: only phrasings that share a word with her message.
    if (kind === 'emergency' && overlap(words, asked) === 0) return;
    seen.add(key);
    out.push(c);
  };
  const asksOf = (h: ArticleHit) => (h.notes ?? []).filter((n) => n.kind === 'ask');
  const label = (h: ArticleHit) => h.article ?? h.section?.join('.') ?? '';
  const [best, ...others] = hits;

  if (kind === 'emergency') {
    for (const [i, h] of hits.entries())
      for (const n of asksOf(h)) add({ text: questionOf(n.text), documentId: h.document.id, article: label(h), clause: n.clause, rank: i });
    return pick(out);
  }

  if (best!.articleNum) {
    const cited = new Set(hits.filter((h) => h.document.id === best!.document.id).map(label));
    // Nearest first: Điều ±1 (rank 12), then the best article's other khoản (13), then ±2, ±3.
    for (const n of neighbourAsks(asks.get(best!.document.id) ?? [], best!.articleNum, cited)) {
      add({
        text: questionOf(n.text),
        documentId: best!.document.id,
        article: n.article,
        clause: n.clause,
        rank: 10 + 2 * Math.abs(Number(n.article) - best!.articleNum),
      });
    }
  }
  for (const n of asksOf(best!))
    if (n.clause && n.clause !== best!.clause)
      add({ text: questionOf(n.text), documentId: best!.document.id, article: label(best!), clause: n.clause, rank: 13 });
  // The other hits only when they matched nearly as well: a weak hit is another subject.
  for (const [i, h] of others.entries()) {
    if (h.score < best!.score * OTHER_HIT_MIN) continue;
    for (const n of asksOf(h)) add({ text: questionOf(n.text), documentId: h.document.id, article: label(h), clause: n.clause, rank: 30 + i });
  }
  return pick(out);
}

/** At most one per article, so that two or three suggestions open two or three subjects. */
function pick(cands: Candidate[]): Suggestion[] {
  const byArticle = new Set<string>();
  const chosen: Suggestion[] = [];
  for (const c of [...cands].sort((a, b) => a.rank - b.rank)) {
    const k = `${c.documentId}|${c.article}`;
    if (byArticle.has(k)) continue;
    byArticle.add(k);
    chosen.push({ text: c.text, documentId: c.documentId, article: c.article });
    if (chosen.length === MAX) break;
  }
  return chosen;
}
