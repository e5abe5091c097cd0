import crypto from 'node:crypto';
import type { Db, Queryable } from '../../store/db.js';
import { replaceNotes, type NewNote } from '../../store/article-notes.js';
import { render, templateText } from '../../server/answer/templates.js';
import { fold, nfc, syllables } from '../text/vietnamese.js';

/**
 * With an LLM provider configured, an uploaded document gets member phrasings (hỏi) and a
 * plain-language sentence (nghĩa) per article, written by the model from the article's own text
 * (prompts/notes-generate.vi.md) and stored as origin 'generated' — shown to officials in the
 * console ("do máy gợi ý") to review and edit. The model's output is cached by a hash of model,
 * prompt and text, so re-indexing asks again only for what changed. Without a provider nothing
 * runs: uploads rely on their text and the general vocabulary. Runs after the upload has answered,
 * never inside a member's question.
 */

export interface NoteModel {
  model: string;
  apiKey?: string;
  baseURL?: string;
  timeoutMs: number;
}

export interface GeneratedOutput {
  asks: string[];
  meaning: string | null;
}

const PROMPT = 'notes-generate.vi.md';
const MAX_ASKS = 8;
const MAX_ARTICLE_CHARS = 6000;

interface ArticleText {
  article: string;
  title: string | null;
  text: string;
}

/** Reads what the model wrote; anything that is not the JSON asked for is nothing, not an error. */
export function parseGenerated(raw: string, title: string | null): GeneratedOutput | null {
  const m = /\{[\s\S]*\}/.exec(raw);
  if (!m) return null;
  let data: unknown;
  try {
    data = JSON.parse(m[0]);
  } catch {
    return null;
  }
  const o = data as { hoi?: unknown; nghia?: unknown };
  const titleFolded = title ? fold(nfc(title)).trim() : null;
  const asks = [
    ...new Set(
      (Array.isArray(o.hoi) ? o.hoi : [])
        .filter((x): x is string => typeof x === 'string')
        .map((x) => nfc(x).replace(/\s+/g, ' ').trim())
        .filter((x) => {
          const n = syllables(x).length;
          return n >= 3 && n <= 20 && !/[{}<>\u0000]/.test(x) && fold(x) !== titleFolded;
        }),
    ),
  ].slice(0, MAX_ASKS);
  const meaningRaw = typeof o.nghia === 'string' ? nfc(o.nghia).replace(/\s+/g, ' ').trim() : '';
  const meaning = meaningRaw && syllables(meaningRaw).length <= 60 && !/[{}<>\u0000]/.test(meaningRaw) ? meaningRaw : null;
  if (!asks.length && !meaning) return null;
  return { asks, meaning };
}

async function articlesOf(db: Queryable, documentId: string): Promise<ArticleText[]> {
  const rows = (
    await db.query<{ article: string; article_title: string | null; text: string }>(
      `select article, article_title, text from chunks where document_id = $1 and article is not null order by ordinal`,
      [documentId],
    )
  ).rows;
  const byArticle = new Map<string, ArticleText>();
  for (const r of rows) {
    const a = byArticle.get(r.article);
    if (a) a.text += `\n${r.text}`;
    else byArticle.set(r.article, { article: r.article, title: r.article_title, text: r.text });
  }
  return [...byArticle.values()];
}

export async function generateNotes(
  db: Db,
  documentId: string,
  llm: NoteModel,
): Promise<{ articles: number; generated: number; cached: number; failed: number }> {
  // Loaded here, not at start: only an official's upload with a provider ever needs the client.
  const { ChatOpenAI } = await import('@langchain/openai');
  const chat = new ChatOpenAI({
    model: llm.model,
    apiKey: llm.apiKey ?? 'not-needed',
    temperature: 0,
    maxRetries: 1,
    timeout: llm.timeoutMs,
    useResponsesApi: false,
    configuration: llm.baseURL ? { baseURL: llm.baseURL } : undefined,
  });
  const promptVersion = crypto.createHash('sha256').update(templateText(PROMPT)).digest('hex');
  const articles = await articlesOf(db, documentId);
  const notes: NewNote[] = [];
  let generated = 0;
  let cached = 0;
  let failed = 0;
  for (const a of articles) {
    const text = a.text.slice(0, MAX_ARTICLE_CHARS);
    const hash = crypto.createHash('sha256').update(`${llm.model}\u0000${promptVersion}\u0000${text}`).digest('hex');
    let out = (await db.query<{ output: GeneratedOutput }>('select output from note_generation_cache where hash = $1', [hash])).rows[0]?.output ?? null;
    if (out) cached++;
    else {
      try {
        const res = await chat.invoke([['human', render(PROMPT, { article: text.replace(/"""/g, '"') })]]);
        out = typeof res.content === 'string' ? parseGenerated(res.content, a.title) : null;
      } catch {
        out = null;
      }
      if (!out) {
        failed++;
        continue;
      }
      generated++;
      await db.query('insert into note_generation_cache (hash, output) values ($1, $2) on conflict (hash) do nothing', [hash, JSON.stringify(out)]);
    }
    for (const t of out.asks) notes.push({ article: a.article, clause: null, point: null, kind: 'ask', text: t });
    if (out.meaning) notes.push({ article: a.article, clause: null, point: null, kind: 'meaning', text: out.meaning });
  }
  // Still there? (An official may have deleted the document while the model was writing.)
  const exists = await db.query('select 1 from documents where id = $1', [documentId]);
  if (exists.rows.length) await db.transaction((tx) => replaceNotes(tx, documentId, 'generated', notes));
  return { articles: articles.length, generated, cached, failed };
}
