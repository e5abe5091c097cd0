import type { ArticleHit } from '../retrieval/retriever.js';
import type { Citation } from './answerer.js';

type Place = Pick<Citation, 'article' | 'clause' | 'point'> & Partial<Pick<Citation, 'section' | 'heading'>>;

/**
 * Where in the document, in the document's own terms: "điểm a khoản 1 Điều 51" for a law;
 * "mục III.2" or "điểm a mục III.2" for a plan divided into parts and items; "phần “Đối tượng hỗ
 * trợ”" for a document cut by its headings (its sections have no numbers to cite). A document
 * without Điều never gets "Điều".
 */
export function citationPlace(c: Place): string {
  const parts: string[] = [];
  if (c.point) parts.push(`điểm ${c.point}`);
  if (c.section?.length) {
    if (c.section[0]!.startsWith('§')) parts.push(c.heading ? `phần “${shortHeading(c.heading)}”` : `đoạn ${c.section[0]!.slice(1)}`);
    else parts.push(`mục ${c.section.join('.')}`);
    return parts.join(' ');
  }
  if (!c.article) return c.heading ? `phần “${shortHeading(c.heading)}”` : 'nội dung';
  if (c.clause) parts.push(`khoản ${c.clause}`);
  parts.push(`Điều ${c.article}`);
  return parts.join(' ');
}

/** A heading quoted inside a citation, without its number and cut to a phone-friendly length. */
function shortHeading(h: string): string {
  const t = h.replace(/^(?:[IVXLC]+|\d+(?:\.\d+)*)\.\s*/u, '').trim();
  return t.length > 60 ? `${t.slice(0, 57).replace(/\s+\S*$/u, '')}…` : t;
}

/**
 * "điểm a khoản 1 Điều 51 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)";
 * "mục III.2 Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh Hóa".
 */
export function citationLabel(c: Place & { document: { name: string; reference?: string } }): string {
  const plan = Boolean(c.section?.length) || !c.article;
  return `${citationPlace(c)} ${plan ? (c.document.reference ?? c.document.name) : c.document.name}`;
}

/**
 * A citation of a retrieved hit. For a document without Điều, `article` stays empty and the place
 * is `section` (['III', '2']); a `clause` that names one of the items the chunk lists (a one-line
 * task under "II. CHỈ TIÊU") extends the section path instead of becoming a khoản.
 */
export function citationFor(hit: ArticleHit, source: number, clause: string | null, point: string | null, quote: string): Citation {
  const document = {
    id: hit.document.id,
    number: hit.document.number,
    title: hit.document.title,
    name: hit.document.name,
    binding: hit.document.binding,
    status: hit.document.status,
    ...(hit.document.reference ? { reference: hit.document.reference } : {}),
  };
  if (hit.article) return { document, article: hit.article, clause, point, quote, source, section: null };
  const base = hit.section ?? null;
  // The item a quote comes from, when the answerer quoted one line of a list of one-line items.
  const item = clause ?? /^(\d+)\.\s/u.exec(quote)?.[1] ?? null;
  const section = base && item && hit.clauses.includes(item) ? [...base, item] : base;
  return { document, article: '', clause: null, point, quote, source, section, heading: hit.heading };
}
