import type { DocumentMeta, DocumentStatus } from '../types.js';
import { nfc } from '../text/vietnamese.js';

/**
 * The corpus text format: `key: value` lines, one blank line, then the body.
 * Returns null when the text does not start with such a header.
 */
export function splitHeader(text: string): { fields: Record<string, string>; body: string } | null {
  const t = nfc(text).replace(/^\uFEFF/, '');
  const end = t.search(/\r?\n\r?\n/);
  if (end < 0) return null;
  const head = t.slice(0, end).split(/\r?\n/);
  const fields: Record<string, string> = {};
  for (const line of head) {
    const m = /^([a-z_]+):\s?(.*)$/.exec(line);
    if (!m) return null;
    fields[m[1]!] = m[2]!.trim();
  }
  if (!('title' in fields) && !('number' in fields)) return null;
  return { fields, body: t.slice(end).replace(/^\s+/, '') };
}

export function metaFromHeader(f: Record<string, string>): DocumentMeta {
  const meta: DocumentMeta = {};
  if (f.title) meta.title = f.title;
  if (f.number) meta.number = f.number;
  if (f.type) meta.type = f.type;
  if (f.issuer) meta.issuer = f.issuer;
  if (isoDate(f.issued)) meta.issued = f.issued;
  if (isoDate(f.effective)) meta.effective = f.effective;
  if (f.status !== undefined) {
    meta.statusNote = f.status || undefined;
    meta.status = statusFromText(f.status, f.replaced_by);
  }
  if (f.replaced_by) meta.replacedBy = f.replaced_by;
  if (f.scope) meta.scope = f.scope;
  if (f.topics)
    meta.topics = f.topics
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  if (f.excerpt) meta.excerpt = /^(yes|có|true)/i.test(f.excerpt);
  if (f.articles) meta.articlesPresent = f.articles;
  if (f.missing) meta.missing = f.missing;
  if (f.source) meta.source = f.source;
  if (f.obtained) meta.obtained = f.obtained;
  if (f.period) meta.period = f.period;
  if (isoDate(f.period_start)) meta.periodStart = f.period_start;
  if (isoDate(f.period_end)) meta.periodEnd = f.period_end;
  return meta;
}

/** Maps the free-text validity ("còn hiệu lực", "hết hiệu lực từ …", "còn hiệu lực một phần") to a code. */
export function statusFromText(status: string | undefined, replacedBy?: string): DocumentStatus {
  const s = (status ?? '').toLowerCase();
  if (replacedBy && /hết hiệu lực|thay thế bởi|replaced/.test(s)) return 'replaced';
  if (/hết hiệu lực|expired/.test(s)) return replacedBy ? 'replaced' : 'expired';
  if (/một phần|partial/.test(s)) return 'partial';
  if (/replaced/.test(s)) return 'replaced';
  return 'in_force';
}

function isoDate(s: string | undefined): s is string {
  return Boolean(s && /^\d{4}-\d{2}-\d{2}$/.test(s));
}
