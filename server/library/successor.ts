import type { Queryable } from '../../store/db.js';
import { getDocument, type DocumentRow } from '../../store/documents.js';
import { documentName } from '../../ingest/names.js';
import type { ArticleHit } from '../retrieval/retriever.js';
import { articlesOf, findReplacement, pairArticles, type ArticleText } from './compare.js';

/**
 * What the text that replaced an old one says (issue 19 item 3). A member who asks about the old
 * law ("luật cũ quy định thế nào…") is answered from it, and must also hear what is in force now:
 * for each cited article of a replaced document, the article of its replacement that carries it on
 * (paired as the console's comparison pairs them: same title first, then same number).
 */
export interface SuccessorArticle {
  /** The hit from the replaced document. */
  old: ArticleHit;
  document: Pick<DocumentRow, 'id' | 'number' | 'title' | 'binding' | 'status'> & { name: string };
  /** The article in the replacement, or null when the new text has no article that carries it on. */
  article: string | null;
  clause: string | null;
  quote: string;
}

/** A chain of replacements is followed this far at most (a law replaced twice since). */
const MAX_HOPS = 3;
const MAX_QUOTE_CHARS = 280;

export async function successorsOf(db: Queryable, hits: readonly ArticleHit[]): Promise<SuccessorArticle[]> {
  const out: SuccessorArticle[] = [];
  const articles = new Map<string, ArticleText[]>();
  const textsOf = async (id: string) => {
    let a = articles.get(id);
    if (!a) articles.set(id, (a = await articlesOf(db, id)));
    return a;
  };
  for (const old of hits) {
    if (old.document.status !== 'replaced' || !old.article) continue;
    let from = await getDocument(db, old.document.id);
    let article: string | null = old.article;
    let next: DocumentRow | null = null;
    for (let hop = 0; hop < MAX_HOPS && from?.replaced_by && article; hop++) {
      next = await findReplacement(db, from.replaced_by);
      if (!next || next.id === from.id) break;
      const { pairs } = pairArticles(await textsOf(from.id), await textsOf(next.id));
      article = pairs.find(([o]) => o.article === article)?.[1].article ?? null;
      if (next.status !== 'replaced') break;
      from = next;
    }
    if (!next) continue;
    const name = documentName(next);
    const document = { id: next.id, number: next.number, title: next.title, binding: next.binding, status: next.status, name };
    const text = article ? (await textsOf(next.id)).find((a) => a.article === article) : undefined;
    if (!text) {
      out.push({ old, document, article: null, clause: null, quote: '' });
      continue;
    }
    // The khoản she was shown in the old text, when the new article has one of that number.
    const clause = old.clause && text.clauses.has(old.clause) ? old.clause : ([...text.clauses.keys()].find((k) => k) ?? null);
    const body = (text.clauses.get(clause ?? '') ?? text.clauses.get('') ?? '')
      .replace(/^\d+[a-zđ]?\.\s+/u, '')
      .split('\n')[0]!
      .trim();
    const quote = body.length > MAX_QUOTE_CHARS ? `${body.slice(0, MAX_QUOTE_CHARS).replace(/\s+\S*$/u, '')}…` : body;
    out.push({ old, document, article, clause: quote ? clause : null, quote: quote || (text.title ?? '') });
  }
  return out;
}

/** A text she names that is no longer in force: since when, and what applies now. */
export interface NoLongerInForce {
  document: { id: string; name: string };
  /** The date it stopped applying, as the status note gives it ("15/12/2025"), if it does. */
  since: string | null;
  /** What replaced it: the library's document, or the số hiệu the note gives when the library lacks it. */
  replacement: { id: string | null; name: string } | null;
}

/**
 * The documents among `ids` that are expired or replaced (issue 12: a member quoting an old decree
 * must first hear it no longer applies and what does). The date is read from the status note as
 * the header wrote it ("hết hiệu lực từ 2025-12-15 (…)").
 */
export async function noLongerInForce(db: Queryable, ids: readonly string[]): Promise<NoLongerInForce[]> {
  const out: NoLongerInForce[] = [];
  for (const id of ids) {
    const d = await getDocument(db, id);
    if (!d || d.status === 'in_force' || d.status === 'partial') continue;
    const name = documentName(d);
    const next = d.replaced_by ? await findReplacement(db, d.replaced_by) : null;
    const replacement = next ? { id: next.id, name: documentName(next) } : d.replaced_by ? { id: null, name: d.replaced_by } : null;
    out.push({ document: { id: d.id, name }, since: sinceOf(d.status_note), replacement });
  }
  return out;
}

function sinceOf(note: string | null): string | null {
  const iso = note ? /(?:từ|kể từ)\s+(?:ngày\s+)?(\d{4})-(\d{2})-(\d{2})/u.exec(note) : null;
  if (iso) return `${Number(iso[3])}/${Number(iso[2])}/${iso[1]}`;
  const dmy = note ? /(?:từ|kể từ)\s+(?:ngày\s+)?(\d{1,2}\/\d{1,2}\/\d{4})/u.exec(note) : null;
  return dmy ? dmy[1]! : null;
}
