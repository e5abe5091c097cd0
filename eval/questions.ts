import fs from 'node:fs';

/** One line of a question file (JSON Lines, the format of ../shared/eval/dev-questions.jsonl). */
export interface EvalQuestion {
  id: string;
  question: string;
  law?: string | null;
  articles?: (number | string)[];
  gold?: { law: string; article: number | string }[];
  out_of_scope?: boolean;
  answer?: string;
  type?: string;
}

export interface GoldArticle {
  /** Normalised số hiệu (see normalizeLaw). */
  law: string;
  /** Article label, lower-case: '51', '8a'. */
  article: string;
}

export class QuestionFileError extends Error {
  override name = 'QuestionFileError';
}

export function parseQuestions(text: string, source = 'questions'): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let q: EvalQuestion;
    try {
      q = JSON.parse(line) as EvalQuestion;
    } catch {
      throw new QuestionFileError(`${source}:${i + 1}: not valid JSON`);
    }
    if (!q || typeof q.question !== 'string' || !q.question.trim()) throw new QuestionFileError(`${source}:${i + 1}: missing "question"`);
    const id = q.id === undefined || q.id === null ? `line-${i + 1}` : String(q.id);
    if (ids.has(id)) throw new QuestionFileError(`${source}:${i + 1}: duplicate id ${id}`);
    ids.add(id);
    out.push({ ...q, id, question: q.question.normalize('NFC') });
  });
  return out;
}

export function readQuestions(file: string): EvalQuestion[] {
  return parseQuestions(fs.readFileSync(file, 'utf8'), file);
}

/**
 * Số hiệu compared the way people write them: case-insensitive, Đ and D alike ("NĐ-CP" = "ND-CP"),
 * spaces ignored.
 */
export function normalizeLaw(law: string): string {
  return law.normalize('NFC').replace(/[đĐ]/g, 'd').replace(/\s+/g, '').toLowerCase();
}

export function normalizeArticle(article: number | string): string {
  return String(article).trim().toLowerCase();
}

/** `gold` when present, else `law` × `articles`; duplicates removed. */
export function goldOf(q: EvalQuestion): GoldArticle[] {
  const raw = q.gold?.length ? q.gold : q.law ? (q.articles ?? []).map((article) => ({ law: q.law!, article })) : [];
  const seen = new Set<string>();
  const out: GoldArticle[] = [];
  for (const g of raw) {
    const item = { law: normalizeLaw(g.law), article: normalizeArticle(g.article) };
    const key = articleKey(item.law, item.article);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

export function articleKey(law: string, article: string): string {
  return `${normalizeLaw(law)}#${normalizeArticle(article)}`;
}

/** Questions the assistant should decline: flagged `out_of_scope` in the file. */
export function isOutOfScope(q: EvalQuestion): boolean {
  return q.out_of_scope === true;
}

/** The question as typed on a phone without dấu: marks removed, đ → d, case kept. */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
