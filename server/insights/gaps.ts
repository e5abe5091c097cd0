import type { Queryable } from '../../store/db.js';
import { STOP_SYLLABLES, fold, syllables } from '../../ingest/text/vietnamese.js';
import { redact } from '../privacy/redact.js';
import type { Retriever, SearchResult } from '../retrieval/retriever.js';
import { readRequest } from '../safety/requests.js';
import { MIN_COVERAGE, heldInformation, judgeScope } from '../safety/scope.js';

/**
 * "Hội viên chưa được giải đáp": questions refused as out of scope, answered with low coverage,
 * handed over to officials or marked 👎, grouped by topic and by the law they now come closest
 * to, with counts per month and what to do about each group.
 *
 * Every question is searched again against today's library, so a law uploaded this morning shows
 * at once: the questions it would now answer form their own group ("đã có văn bản trả lời").
 * Questions are redacted (contacts, names, identity numbers, places) before they leave the server.
 */

export type GapReason = 'refused' | 'low_coverage' | 'handover' | 'disliked';

interface Asked {
  messageId: number | null;
  question: string;
  reason: GapReason;
  at: Date;
  topic: string | null;
}

export interface GapGroup {
  topic: string | null;
  closest: { documentId: string; name: string; article: string | null; articleTitle: string | null; uploadedAt: string | null } | null;
  /** Today's library answers these questions (in scope now), though members were not answered then. */
  answeredNow: number;
  /** Members asking these today would still be refused (out of scope), even if a law comes close. */
  stillRefused: number;
  /** Questions for which the group's (newly uploaded) law is found but another article still comes first. */
  outranked: number;
  outrankedBy: string | null;
  count: number;
  reasons: Record<GapReason, number>;
  months: { month: string; count: number }[];
  examples: string[];
  /** Words the group's questions use most, for naming the document to upload. */
  words: string[];
  action: { kind: 'upload' | 'review_answers' | 'review_phrasings'; text: string };
}

// An answer whose best article holds under half of the question's information missed something.
export const LOW_COVERAGE = 0.5;
// Answered questions re-searched for coverage: the most recent ones; searching is ~40 ms each.
const ANSWERED_SAMPLE = 150;
const GAP_SAMPLE = 300;
const EXAMPLES = 5;
// A document uploaded after the question was asked counts as its closest law when it ranks this high.
const NEWER_WITHIN = 5;

const PLACE = /((?:^|\s)(?:thôn|xóm|bản|xã|phường|thị trấn|huyện|tổ|số nhà|ngõ|ngách|đường|phố)\s+)[\p{Lu}\d][\p{L}\d/]*(?:\s+[\p{Lu}\d][\p{L}\d/]*){0,3}/gu;

/** redact() and places ("ở thôn Đông Hoà", "số nhà 12") — a report is read more widely than a queue. */
export function redactForReport(text: string): string {
  return redact(text).replace(PLACE, '$1[địa chỉ]');
}

const PRECEDING_QUESTION = `(select u.content from messages u
    where u.conversation_id = m.conversation_id and u.id < m.id and u.role = 'user' order by u.id desc limit 1)`;

async function unanswered(db: Queryable, days: number): Promise<Asked[]> {
  const rows = (
    await db.query<{ message_id: string | null; question: string | null; reason: GapReason; at: Date | string; topic: string | null }>(
      `(select m.id as message_id, ${PRECEDING_QUESTION} as question, 'refused' as reason, m.created_at as at, m.topic
          from messages m where m.role = 'assistant' and m.kind = 'out_of_scope' and m.created_at > now() - make_interval(days => $1)
         order by m.id desc limit ${GAP_SAMPLE})
       union all
       (select m.id, ${PRECEDING_QUESTION}, 'disliked', f.created_at, m.topic
          from feedback f join messages m on m.id = f.message_id
         where f.rating = -1 and f.created_at > now() - make_interval(days => $1) order by f.id desc limit ${GAP_SAMPLE})
       union all
       (select h.message_id, h.question, 'handover', h.created_at, h.topic from handover h
         where h.created_at > now() - make_interval(days => $1) order by h.id desc limit ${GAP_SAMPLE})
       union all
       (select m.id, ${PRECEDING_QUESTION}, 'low_coverage', m.created_at, m.topic
          from messages m where m.role = 'assistant' and m.kind = 'answer' and not m.official
           and m.created_at > now() - make_interval(days => $1)
         order by m.id desc limit ${ANSWERED_SAMPLE})`,
      [days],
    )
  ).rows;
  // One entry per answer: a refused question she then handed over counts once, as handed over.
  const rank: Record<GapReason, number> = { handover: 0, disliked: 1, refused: 2, low_coverage: 3 };
  const byMessage = new Map<string, Asked>();
  for (const r of rows) {
    if (!r.question) continue;
    const key = r.message_id ? `m${r.message_id}` : `q${byMessage.size}`;
    const prev = byMessage.get(key);
    if (prev && rank[prev.reason] <= rank[r.reason]) continue;
    byMessage.set(key, { messageId: r.message_id ? Number(r.message_id) : null, question: r.question, reason: r.reason, at: new Date(r.at), topic: r.topic });
  }
  return [...byMessage.values()];
}

/** Searches each question once per corpus version (the report is reloaded often; the library rarely changes). */
export class SearchCache {
  private version = '';
  private results = new Map<string, SearchResult>();
  async get(db: Queryable, retriever: Retriever, question: string): Promise<SearchResult> {
    const v = (await db.query<{ v: string }>('select version::text as v from corpus_state where id = 1')).rows[0]?.v ?? '';
    if (v !== this.version) {
      this.version = v;
      this.results.clear();
    }
    let r = this.results.get(question);
    if (!r) {
      r = await retriever.search(question, { k: NEWER_WITHIN });
      if (this.results.size > 5000) this.results.clear();
      this.results.set(question, r);
    }
    return r;
  }
}

export async function gapReport(
  db: Queryable,
  retriever: Retriever,
  cache: SearchCache,
  days: number,
): Promise<{ groups: GapGroup[]; totals: Record<GapReason, number> }> {
  const asked = await unanswered(db, days);
  const docs = new Map(
    (await db.query<{ id: string; created_at: Date | string; origin: string }>('select id, created_at, origin from documents')).rows.map((d) => [d.id, d]),
  );
  const groups = new Map<string, { g: GapGroup; words: Map<string, number> }>();
  const totals: Record<GapReason, number> = { refused: 0, low_coverage: 0, handover: 0, disliked: 0 };
  for (const a of asked) {
    // Searched as redacted (placeholders dropped): the cache holds no contact details, and a phone
    // number or a village's name is not what she asked about.
    const shown = redactForReport(a.question);
    const text = shown.replace(/\[[^\]]*\]/g, ' ');
    const search = await cache.get(db, retriever, text);
    // Answered today exactly when the chat would answer it (server/chat/respond.ts): not refused
    // up front, and in scope.
    const request = readRequest(text);
    const now = request?.kind !== 'injection' && request?.kind !== 'unlawful' && !judgeScope(request, search, text).refuse;
    // An answer whose question today's library covers well is not a gap.
    if (a.reason === 'low_coverage' && search.coverage >= LOW_COVERAGE) continue;
    totals[a.reason]++;
    // The law they come closest to, even when still refused: a weak match (under MIN_COVERAGE of
    // the question's information — of her subject's when only her asking words read legal, so a
    // traffic fine is not grouped under a fine for family violence) is no law at all.
    // A document uploaded since she asked is what the official wants to judge: it is the group's
    // law whenever it ranks in the first few, with the place it reached (its articles have no member
    // phrasings yet, so bundled articles with phrasings often still outrank it).
    const newer = search.hits.findIndex((h) => {
      const d = docs.get(h.document.id);
      return d && d.origin !== 'corpus' && new Date(d.created_at) > a.at;
    });
    const pick = newer >= 0 ? newer : 0;
    const best = search.hits[pick] && heldInformation(search) >= MIN_COVERAGE ? search.hits[pick] : undefined;
    const topic = search.topics[0] ?? a.topic;
    // By the law they come closest to; questions no law comes close to, by topic.
    const key = best ? `${best.document.id}#${best.article ?? best.heading}` : `topic:${topic ?? ''}`;
    let entry = groups.get(key);
    if (!entry) {
      const doc = best ? docs.get(best.document.id) : undefined;
      entry = {
        g: {
          topic,
          closest: best
            ? {
                documentId: best.document.id,
                name: best.document.name,
                article: best.article,
                articleTitle: best.articleTitle ?? best.heading,
                uploadedAt: doc && doc.origin !== 'corpus' ? new Date(doc.created_at).toISOString() : null,
              }
            : null,
          answeredNow: 0,
          stillRefused: 0,
          outranked: 0,
          outrankedBy: null,
          count: 0,
          reasons: { refused: 0, low_coverage: 0, handover: 0, disliked: 0 },
          months: [],
          examples: [],
          words: [],
          action: { kind: 'upload', text: '' },
        },
        words: new Map(),
      };
      groups.set(key, entry);
    }
    const g = entry.g;
    g.count++;
    g.reasons[a.reason]++;
    if (now && (a.reason === 'refused' || a.reason === 'handover')) g.answeredNow++;
    if (!now) g.stillRefused++;
    if (best && pick > 0) {
      g.outranked++;
      g.outrankedBy ??= place(hitPlace(search.hits[0]!));
    }
    const month = a.at.toISOString().slice(0, 7);
    const m = g.months.find((x) => x.month === month);
    if (m) m.count++;
    else g.months.push({ month, count: 1 });
    if (g.examples.length < EXAMPLES && !g.examples.includes(shown)) g.examples.push(shown);
    for (const w of contentWords(shown)) entry.words.set(w, (entry.words.get(w) ?? 0) + 1);
  }
  const out = [...groups.values()].map(({ g, words }) => {
    g.months.sort((a, b) => a.month.localeCompare(b.month));
    g.words = [...words]
      .filter(([, n]) => n > 1 || g.count === 1)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([w]) => w);
    g.action = actionFor(g);
    return g;
  });
  // Groups around an uploaded law lead, so an official sees at once what her upload changed; then the biggest.
  out.sort((a, b) => Number(!!b.closest?.uploadedAt) - Number(!!a.closest?.uploadedAt) || b.count - a.count);
  return { groups: out, totals };
}

function contentWords(text: string): string[] {
  return [...new Set(syllables(text.toLowerCase()).filter((s) => s.length > 1 && !STOP_SYLLABLES.has(fold(s)) && !/^\[|\d/.test(s)))];
}

function hitPlace(h: SearchResult['hits'][number]): NonNullable<GapGroup['closest']> {
  return { documentId: h.document.id, name: h.document.name, article: h.article, articleTitle: h.articleTitle ?? h.heading, uploadedAt: null };
}

function place(c: NonNullable<GapGroup['closest']>): string {
  return `${c.article ? `Điều ${c.article}` : (c.articleTitle ?? 'mục')} ${c.name}`;
}

function actionFor(g: GapGroup): GapGroup['action'] {
  if (!g.closest) {
    const about = g.words.length ? g.words.slice(0, 3).join(', ') : 'chủ đề này';
    return { kind: 'upload', text: `Tải lên văn bản về ${about}: thư viện chưa có văn bản nào trả lời ${g.count} câu hỏi này.` };
  }
  const fresh = g.closest.uploadedAt ? ' (mới tải lên)' : '';
  if (g.outranked > 0)
    return {
      kind: 'review_phrasings',
      text: `${place(g.closest)}${fresh} có nói về ${g.outranked} câu hội viên chưa được giải đáp, nhưng ${g.outrankedBy} vẫn được chọn trước: thêm cách hỏi và câu giải thích cho điều này (“Thử câu hỏi”) để hội viên được trả lời từ văn bản mới.`,
    };
  if (g.stillRefused > 0)
    return {
      kind: 'review_phrasings',
      text: `${place(g.closest)}${fresh} là văn bản gần nhất với ${g.stillRefused} câu hội viên vẫn bị từ chối: thêm cách hỏi và câu giải thích cho điều này (“Thử câu hỏi”), hoặc tải lên văn bản nói rõ hơn.`,
    };
  if (g.answeredNow > 0)
    return {
      kind: 'review_answers',
      text: `${place(g.closest)}${fresh} nay đã trả lời được ${g.answeredNow} câu hội viên từng không được giải đáp: kiểm tra bằng “Thử câu hỏi” và trả lời các câu đang chờ cán bộ.`,
    };
  return { kind: 'review_phrasings', text: `Xem lại cách hỏi và câu giải thích của ${place(g.closest)}: hội viên hỏi về nó nhưng câu trả lời chưa trúng.` };
}
