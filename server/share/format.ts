import fs from 'node:fs';
import path from 'node:path';
import { STATUS_LABELS } from '../present.js';

/**
 * How a shared page and its card name a citation, on the server (the web client has its own in
 * web/shared/api.ts; data flows web → server, never the other way).
 */
export interface SharedCitation {
  document: { id: string; number?: string | null; title?: string; name?: string; status?: string; reference?: string };
  article: string;
  clause?: string | null;
  point?: string | null;
  section?: string[] | null;
  heading?: string | null;
  quote?: string;
  source?: number;
}

/** "điểm a khoản 1 Điều 56", "mục III.2", or the heading of a section cut by headings. */
export function citationPlace(c: SharedCitation): string {
  const parts: string[] = [];
  if (c.point) parts.push(`điểm ${c.point}`);
  if (c.section?.length) {
    const first = c.section[0]!;
    parts.push(first.startsWith('§') ? (c.heading ? `phần “${c.heading}”` : `đoạn ${first.slice(1)}`) : `mục ${c.section.join('.')}`);
    return parts.join(' ');
  }
  if (!c.article) return c.heading ? `phần “${c.heading}”` : 'nội dung';
  if (c.clause) parts.push(`khoản ${c.clause}`);
  parts.push(`Điều ${c.article}`);
  return parts.join(' ');
}

/** The document as officials cite it: a plan by its reference, a law by its name and số hiệu. */
export function documentLabel(d: SharedCitation['document']): string {
  if (d.reference) return d.reference;
  const name = (d.name || d.title || 'Văn bản').trim();
  return d.number && !name.includes(d.number) ? `${name} (${d.number})` : name;
}

export function statusLabel(status: string | undefined): string | null {
  return status && status in STATUS_LABELS ? STATUS_LABELS[status as keyof typeof STATUS_LABELS] : null;
}

/** One citation per place: an answer may cite the same khoản for two sentences. */
export function uniqueCitations(cs: SharedCitation[]): SharedCitation[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = `${c.document.id}|${c.article}|${(c.section ?? []).join('.')}|${c.clause ?? ''}|${c.point ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

let topicNames: Map<string, string> | null = null;

/**
 * A topic's name for members ("Ly hôn"), from the thesaurus's own declaration
 * (server/retrieval/data/topics.tsv: the words before the first colon of "what it covers").
 */
export function topicLabel(topic: string | null | undefined): string | null {
  if (!topic) return null;
  if (!topicNames) {
    topicNames = new Map();
    const file = path.resolve(import.meta.dirname, '../retrieval/data/topics.tsv');
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [id, covers] = line.split('\t');
      if (id && covers) topicNames.set(id.trim().replace(/\?$/, ''), covers.split(':')[0]!.trim());
    }
  }
  return topicNames.get(topic) ?? null;
}

/** Answer text without its "[1]" source markers (a card or a preview has no sources to point at). */
export function withoutMarkers(text: string): string {
  return text.replace(/\s?\[\d{1,2}\]/g, '');
}

/** The first `max` characters, cut at a word, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max - 1).replace(/\s+\S*$/u, '')}…`;
}

/** dd/mm/yyyy in Vietnam's time zone, as members write dates. */
export function vietnameseDate(iso: string | Date): string {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
  return parts;
}
