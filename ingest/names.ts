import crypto from 'node:crypto';
import { fold } from './text/vietnamese.js';
import type { DocumentMeta } from './types.js';

export function sha256(bytes: Uint8Array | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** '52/2014/QH13' → '52-2014-qh13'; documents without a number get a slug of the title + hash. */
export function documentId(meta: DocumentMeta, contentHash: string): string {
  const base = meta.number ?? meta.title ?? 'van-ban';
  const slug = fold(base)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return meta.number ? slug : `${slug || 'van-ban'}-${contentHash.slice(0, 8)}`;
}

/**
 * The name a citation uses: "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)",
 * "Nghị định 282/2025/NĐ-CP". Long decree titles are replaced by the decree's number. Takes a
 * document row as it is (its missing fields are null) as well as parsed metadata.
 */
export function documentName(meta: { title?: string | null; number?: string | null; issued?: string | null }): string {
  const title = (meta.title ?? 'Văn bản').replace(/\s*\((trích|excerpt)[^)]*\)\s*$/i, '').trim();
  const year = meta.issued?.slice(0, 4) ?? meta.number?.match(/\/(\d{4})\//)?.[1];
  if (meta.number && /^(Nghị định|Thông tư|Quyết định|Nghị quyết)\b/i.test(title) && title.length > 40) {
    return `${title.split(' ').slice(0, 2).join(' ')} ${meta.number}`;
  }
  const withYear = year && !title.includes(year) ? `${title} ${year}` : title;
  return meta.number ? `${withYear} (${meta.number})` : withYear;
}

/** National laws and decrees bind; provincial plans and programmes guide. */
export function isBinding(meta: DocumentMeta): boolean {
  const t = `${meta.type ?? ''} ${meta.title ?? ''}`.toLowerCase();
  // The Hội's own decisions and plans guide its members; they are not law.
  if (/hội liên hiệp phụ nữ|hội lhpn/i.test(meta.issuer ?? '')) return false;
  if (/kế hoạch|chương trình|hướng dẫn|công văn|báo cáo/.test(meta.type?.toLowerCase() ?? '')) return false;
  if (!meta.type && /^(kế hoạch|chương trình)/.test(t.trim())) return false;
  return true;
}

/** Types that are cited "Kế hoạch số … ngày … của …" rather than by their title. */
const ADMINISTRATIVE = /^(Kế hoạch|Quyết định|Hướng dẫn|Công văn|Chương trình|Chỉ thị|Thông báo|Đề án|Quy chế|Báo cáo)/u;

function dmy(iso: string | undefined): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : null;
}

/**
 * A document as officials cite it: "Kế hoạch số 123/KH-UBND ngày 15/3/2026 của UBND tỉnh Thanh
 * Hóa". Laws and decrees keep their usual name (documentName); a document with no number is named
 * by its title and issuer.
 */
export function documentReference(meta: Pick<DocumentMeta, 'title' | 'number' | 'type' | 'issued' | 'issuer'>): string {
  const type = meta.type && ADMINISTRATIVE.test(meta.type) ? meta.type : /^(\S+\s\S+)/u.exec(meta.title ?? '')?.[1];
  if (!type || !ADMINISTRATIVE.test(type)) return documentName(meta);
  const date = dmy(meta.issued);
  const base = meta.number ? `${type} số ${meta.number}` : (meta.title ?? type);
  return [base, date ? `ngày ${date}` : '', meta.issuer ? `của ${meta.issuer}` : ''].filter(Boolean).join(' ');
}

/** The short form used inside a sentence: "Kế hoạch 123/KH-UBND" (or the reference when unnumbered). */
export function documentShortReference(meta: Pick<DocumentMeta, 'title' | 'number' | 'type' | 'issued' | 'issuer'>): string {
  const type = meta.type ?? /^(\S+\s\S+)/u.exec(meta.title ?? '')?.[1] ?? 'Văn bản';
  return meta.number ? `${type} ${meta.number}` : documentReference(meta);
}
