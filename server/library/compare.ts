import type { Queryable } from '../../store/db.js';
import { getDocument, type DocumentRow } from '../../store/documents.js';
import { fold, nfc } from '../../ingest/text/vietnamese.js';
import { notFound } from '../errors.js';

/**
 * What changed between two versions of a law (issue 19 item 3): articles added, removed and
 * changed, each changed khoản with a word-level diff; and the approved official answers that cite
 * a replaced or retired document, or an article its document no longer has, flagged for review.
 */

export interface ArticleText {
  article: string;
  title: string | null;
  /** khoản number → text ('' = the article's lead-in before its first khoản). */
  clauses: Map<string, string>;
}

export type DiffOp = { op: 'same' | 'add' | 'del'; text: string };

export interface ArticleChange {
  old: { article: string; title: string | null };
  new: { article: string; title: string | null };
  clauses: { clause: string; change: 'added' | 'removed' | 'changed'; diff: DiffOp[] }[];
}

const CLAUSE_RE = /^(\d+[a-zđ]?)\.\s/;

export function splitClauses(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let current = '';
  // The first line is the article's heading ("Điều 5. …"): not part of any khoản.
  for (const line of text.split('\n').slice(1)) {
    const m = CLAUSE_RE.exec(line);
    if (m) current = m[1]!;
    out.set(current, out.has(current) ? `${out.get(current)}\n${line}` : line);
  }
  return out;
}

/** Word-level diff by longest common subsequence; neighbouring words of one kind are joined. */
export function wordDiff(a: string, b: string): DiffOp[] {
  const x = a.split(/\s+/).filter(Boolean);
  const y = b.split(/\s+/).filter(Boolean);
  const n = x.length;
  const m = y.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) dp[i]![j] = x[i] === y[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], w: string) => {
    const last = ops[ops.length - 1];
    if (last?.op === op) last.text += ` ${w}`;
    else ops.push({ op, text: w });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      push('same', x[i]!);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) push('del', x[i++]!);
    else push('add', y[j++]!);
  }
  while (i < n) push('del', x[i++]!);
  while (j < m) push('add', y[j++]!);
  return ops;
}

const norm = (s: string) => nfc(s).replace(/\s+/g, ' ').trim();

/** Share of words two titles have in common (Dice over their folded syllables). */
function titleLikeness(a: string | null | undefined, b: string | null | undefined): number {
  const x = new Set(
    fold(a ?? '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
  const y = new Set(
    fold(b ?? '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
  if (!x.size || !y.size) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Below this likeness one number in two texts is two different rules (a new decree renumbers everything). */
const SAME_NUMBER_LIKENESS = 0.3;

/**
 * Pairs the two versions' articles: first by identical title (articles are renumbered between
 * versions far more often than renamed), then by number when the titles are alike (an amended law
 * keeps its numbers; a decree replacing another does not: Nghị định 144/2021's Điều 52 on harming a
 * family member's health is not 282/2025's Điều 52 on registering a support centre). An article
 * paired with neither is said to have no counterpart rather than given another rule's words (pairing
 * by the most alike title was tried: the shared "hành vi … thành viên gia đình" of a decree's titles
 * paired ill-treatment with insults).
 */
export function pairArticles(oldArts: ArticleText[], newArts: ArticleText[]) {
  const pairs: [ArticleText, ArticleText][] = [];
  const usedOld = new Set<ArticleText>();
  const usedNew = new Set<ArticleText>();
  const byTitle = (list: ArticleText[]) => {
    const m = new Map<string, ArticleText[]>();
    for (const a of list) if (a.title) m.set(fold(a.title), [...(m.get(fold(a.title)) ?? []), a]);
    return m;
  };
  const newTitles = byTitle(newArts);
  for (const [t, olds] of byTitle(oldArts)) {
    const news = newTitles.get(t);
    if (olds.length === 1 && news?.length === 1) {
      pairs.push([olds[0]!, news[0]!]);
      usedOld.add(olds[0]!);
      usedNew.add(news[0]!);
    }
  }
  const newByNumber = new Map(newArts.filter((a) => !usedNew.has(a)).map((a) => [a.article, a]));
  for (const o of oldArts) {
    if (usedOld.has(o)) continue;
    const n = newByNumber.get(o.article);
    if (n && titleLikeness(o.title, n.title) >= SAME_NUMBER_LIKENESS) {
      pairs.push([o, n]);
      usedOld.add(o);
      usedNew.add(n);
    }
  }
  return { pairs, usedOld, usedNew };
}

/** Articles added, removed and changed (each changed khoản with a word-level diff). */
export function compareArticles(oldArts: ArticleText[], newArts: ArticleText[]) {
  const { pairs, usedOld, usedNew } = pairArticles(oldArts, newArts);
  const changed: ArticleChange[] = [];
  for (const [o, n] of pairs) {
    const keys = [...new Set([...o.clauses.keys(), ...n.clauses.keys()])];
    const clauses: ArticleChange['clauses'] = [];
    for (const k of keys) {
      const a = norm(o.clauses.get(k) ?? '');
      const b = norm(n.clauses.get(k) ?? '');
      if (a === b) continue;
      clauses.push({ clause: k, change: !a ? 'added' : !b ? 'removed' : 'changed', diff: wordDiff(a, b) });
    }
    if (clauses.length || o.title !== n.title)
      changed.push({ old: { article: o.article, title: o.title }, new: { article: n.article, title: n.title }, clauses });
  }
  return {
    added: newArts.filter((a) => !usedNew.has(a)).map((a) => ({ article: a.article, title: a.title })),
    removed: oldArts.filter((a) => !usedOld.has(a)).map((a) => ({ article: a.article, title: a.title })),
    changed,
    unchanged: pairs.length - changed.length,
  };
}

export async function articlesOf(db: Queryable, documentId: string): Promise<ArticleText[]> {
  const rows = (
    await db.query<{ article: string; article_title: string | null; text: string }>(
      `select article, article_title, text from chunks where document_id = $1 and article is not null order by ordinal`,
      [documentId],
    )
  ).rows;
  const out = new Map<string, { title: string | null; text: string }>();
  for (const r of rows) {
    const a = out.get(r.article);
    if (a) a.text += `\n${r.text.split('\n').slice(1).join('\n')}`;
    else out.set(r.article, { title: r.article_title, text: r.text });
  }
  return [...out].map(([article, a]) => ({ article, title: a.title, clauses: splitClauses(a.text) }));
}

/** Approved official answers citing a replaced or retired document, or an article its document no longer has. */
export async function answersToReview(db: Queryable, documentIds?: string[]) {
  const r = await db.query<{ id: string; question: string; document_id: string; article: string; status: string | null; present: boolean }>(
    `select h.id, h.question, c->>'documentId' as document_id, c->>'article' as article, d.status,
            exists (select 1 from chunks k where k.document_id = c->>'documentId' and k.article = c->>'article') as present
       from handover h cross join lateral jsonb_array_elements(h.citations) c
       left join documents d on d.id = c->>'documentId'
      where h.state = 'approved' ${documentIds ? `and c->>'documentId' = any($1::text[])` : ''}
      order by h.id`,
    documentIds ? [documentIds] : [],
  );
  return r.rows
    .filter((x) => x.status === null || x.status === 'replaced' || x.status === 'expired' || !x.present)
    .map((x) => ({
      handoverId: Number(x.id),
      question: x.question,
      documentId: x.document_id,
      article: x.article,
      reason:
        x.status === null
          ? 'Văn bản đã bị xoá khỏi thư viện'
          : !x.present
            ? `Văn bản không còn Điều ${x.article}`
            : x.status === 'replaced'
              ? 'Văn bản đã được thay thế'
              : 'Văn bản đã hết hiệu lực',
    }));
}

/** The document named as a replacement ("replaced_by" holds its id or số hiệu), if the library has it. */
export async function findReplacement(db: Queryable, target: string): Promise<DocumentRow | null> {
  const found = await db.query<{ id: string }>('select id from documents where id = $1 or lower(number) = lower($1) limit 1', [target]);
  const id = found.rows[0]?.id;
  return id ? getDocument(db, id) : null;
}

/** A document beside its replacement (replaced_by, or the one named): the comparison and the answers to review. */
export async function compareVersions(db: Queryable, id: string, withId?: string) {
  const old = await getDocument(db, id);
  if (!old) throw notFound('document', 'Không tìm thấy văn bản này.');
  const target = withId ?? old.replaced_by;
  if (!target) throw notFound('document', 'Văn bản này chưa ghi văn bản thay thế: chọn văn bản để so sánh.');
  const next = await findReplacement(db, target);
  if (!next) throw notFound('document', `Không tìm thấy văn bản thay thế "${target}" trong thư viện.`);
  return {
    old: { id: old.id, number: old.number, title: old.title, status: old.status },
    new: { id: next.id, number: next.number, title: next.title, status: next.status },
    ...compareArticles(await articlesOf(db, old.id), await articlesOf(db, next.id)),
    answersToReview: await answersToReview(db, [old.id, next.id]),
  };
}
