import type { DocumentMeta } from '../types.js';

/**
 * Metadata that Vietnamese documents state on their first page (Nghị định 30/2020/NĐ-CP layout):
 * the issuer block top left ("ỦY BAN NHÂN DÂN / TỈNH THANH HÓA"), the national motto top right,
 * "Số: 123/KH-UBND", "Thanh Hóa, ngày 5 tháng 3 năm 2024", the type in capitals ("KẾ HOẠCH") and
 * the name under it. Used when a file has no corpus header; header fields and form fields win.
 */

/** Longest first: "THÔNG TƯ LIÊN TỊCH" before "THÔNG TƯ", "BỘ LUẬT" before "LUẬT". */
const TYPES = [
  'THÔNG TƯ LIÊN TỊCH',
  'NGHỊ QUYẾT LIÊN TỊCH',
  'KẾ HOẠCH LIÊN TỊCH',
  'BỘ LUẬT',
  'HIẾN PHÁP',
  'PHÁP LỆNH',
  'NGHỊ ĐỊNH',
  'NGHỊ QUYẾT',
  'THÔNG TƯ',
  'QUYẾT ĐỊNH',
  'KẾ HOẠCH',
  'CHƯƠNG TRÌNH',
  'CHỈ THỊ',
  'HƯỚNG DẪN',
  'CÔNG VĂN',
  'THÔNG BÁO',
  'BÁO CÁO',
  'ĐỀ ÁN',
  'QUY CHẾ',
  'LUẬT',
];

/** The số hiệu's type code → type, for documents whose type line was not found. */
const TYPE_BY_CODE: [RegExp, string][] = [
  [/\/QH\d+$/i, 'Luật'],
  [/\/NĐ-CP$/i, 'Nghị định'],
  [/\/(?:\d{4}\/)?NQ-/i, 'Nghị quyết'],
  [/\/(?:\d{4}\/)?NQ$/i, 'Nghị quyết'],
  [/\/(?:\d{4}\/)?TT(?:LT)?-/i, 'Thông tư'],
  [/\/(?:\d{4}\/)?QĐ-/i, 'Quyết định'],
  [/\/(?:\d{4}\/)?KH-/i, 'Kế hoạch'],
  [/\/(?:\d{4}\/)?CTr-/i, 'Chương trình'],
  [/\/(?:\d{4}\/)?CT-/i, 'Chỉ thị'],
  [/\/(?:\d{4}\/)?HD-/i, 'Hướng dẫn'],
  [/\/(?:\d{4}\/)?TB-/i, 'Thông báo'],
  [/\/(?:\d{4}\/)?BC-/i, 'Báo cáo'],
];

const NATIONAL_ISSUERS: [RegExp, string][] = [
  [/^ỦY BAN THƯỜNG VỤ QUỐC HỘI$|^UỶ BAN THƯỜNG VỤ QUỐC HỘI$/u, 'Ủy ban Thường vụ Quốc hội'],
  [/^QUỐC HỘI$/u, 'Quốc hội'],
  [/^THỦ TƯỚNG CHÍNH PHỦ$/u, 'Thủ tướng Chính phủ'],
  [/^CHÍNH PHỦ$/u, 'Chính phủ'],
  [/^CHỦ TỊCH NƯỚC$/u, 'Chủ tịch nước'],
  [/^TÒA ÁN NHÂN DÂN TỐI CAO$|^TOÀ ÁN NHÂN DÂN TỐI CAO$/u, 'Tòa án nhân dân tối cao'],
  [/^VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO$/u, 'Viện kiểm sát nhân dân tối cao'],
  [/^HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM$|^HỘI LHPN VIỆT NAM$|^TRUNG ƯƠNG HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM$/u, 'Hội Liên hiệp Phụ nữ Việt Nam'],
];

/** Local government levels as written in the issuer block. */
const LEVEL_RE = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$/u;

const MOTTO_RE =
  /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc|ĐỘC LẬP\s*[-–—]\s*TỰ DO\s*[-–—]\s*HẠNH PHÚC/gu;
const RULE_RE = /^[-_=*.…·•\s]{3,}$/u;

export function extractMetadata(text: string): DocumentMeta {
  const lines = text
    .split('\n')
    .slice(0, 80)
    .map((l) =>
      l
        .replace(MOTTO_RE, ' ')
        .replace(/[ \t\u00A0]+/g, ' ')
        .trim(),
    )
    .filter((l) => l && !RULE_RE.test(l))
    .slice(0, 40);
  const meta: DocumentMeta = {};
  const typeAt = findTypeLine(lines);
  const headEnd = typeAt >= 0 ? typeAt : Math.min(lines.length, 12);
  const head = lines.slice(0, headEnd).join('\n');

  const num =
    /Số\s*(?:hiệu)?\s*[:.]?\s*(\d+[a-zA-Z]?\s*\/\s*(?:\d{4}\s*\/\s*)?[A-ZĐ][A-ZĐa-z0-9&]*(?:\s*-\s*[A-ZĐ][A-ZĐa-z0-9&]*)*)/u.exec(head) ??
    /(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định)\s+số\s*:?\s*(\d+\/\d{4}\/[A-ZĐ0-9-]+)/u.exec(lines.slice(0, 40).join('\n'));
  if (num) meta.number = num[1]!.replace(/\s+/g, '');

  const issuer = findIssuer(lines.slice(0, Math.max(headEnd, 1)));
  if (issuer) {
    meta.issuer = issuer.name;
    meta.scope = issuer.scope;
  }

  // The place-and-date line; a "Căn cứ … ngày …" line is about another document.
  const dateLine = lines.slice(0, Math.max(headEnd + 1, 12)).find((l) => /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u.test(l) && !/^Căn cứ/u.test(l));
  const date = dateLine ? /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(dateLine) : null;
  if (date) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (d >= 1 && d <= 31 && m >= 1 && m <= 12) meta.issued = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  if (typeAt >= 0) {
    const l = lines[typeAt]!;
    const type = TYPES.find((t) => l === t || l.startsWith(`${t} `))!;
    meta.type = sentence(type);
    const rest = l.slice(type.length).trim();
    const name = rest && !/^(SỐ|Số)\b/u.test(rest) ? rest : nameAfter(lines, typeAt + 1);
    if (name) meta.title = `${meta.type} ${nameCase(name, type)}`.trim();
  }
  if (!meta.type && meta.number) meta.type = TYPE_BY_CODE.find(([re]) => re.test(meta.number!))?.[1];
  // A công văn has no type line: its number carries only the issuer's codes and a "V/v" line names it.
  if (!meta.type && meta.number && lines.slice(0, 20).some((l) => /^(V\/v|Về việc)\s/u.test(l))) {
    meta.type = 'Công văn';
    const vv = lines.find((l) => /^(V\/v|Về việc)\s/u.test(l))!;
    meta.title ??= `Công văn về việc ${vv.replace(/^(V\/v|Về việc)\s+/u, '').replace(/[.;]$/, '')}`;
  }
  if (!meta.scope && meta.issuer && NATIONAL_ISSUERS.some(([, n]) => n === meta.issuer)) meta.scope = 'toàn quốc';
  if (!NORMATIVE.has(meta.type ?? '')) Object.assign(meta, findPeriod(meta.title ?? '', text, meta.issued));
  return meta;
}

/** Types whose validity is hiệu lực, not a period of application. */
const NORMATIVE = new Set(['Luật', 'Bộ luật', 'Hiến pháp', 'Pháp lệnh', 'Nghị định', 'Nghị quyết', 'Thông tư', 'Thông tư liên tịch', 'Nghị quyết liên tịch']);

/**
 * The period a plan applies to, where the text says it: "năm 2026" or "giai đoạn 2021 - 2025" in
 * its name, else a "Thời gian thực hiện: …" line, else "đến năm 2030". Officials can correct it.
 */
export function findPeriod(title: string, text: string, issued?: string): Pick<DocumentMeta, 'period' | 'periodStart' | 'periodEnd'> {
  const span = (s: string) => /giai đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})/iu.exec(s) ?? /(?:từ\s+)?năm\s+(\d{4})\s*(?:[-–—]|đến(?:\s+năm)?)\s*(\d{4})/iu.exec(s);
  const year = (s: string) => /năm\s+(\d{4})(?!\s*[-–—]\s*\d)/iu.exec(s);
  const until = (s: string) => /(?:đến|tới)\s+(?:hết\s+)?năm\s+(\d{4})/iu.exec(s);
  const timeLine = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^(?:\d+\.\s*|[a-zđ]\)\s*|[-–]\s*)?Thời gian(?: thực hiện| áp dụng| triển khai)?\s*:/iu.test(l));
  for (const source of [title, timeLine ?? '']) {
    const sp = span(source);
    if (sp && Number(sp[2]) >= Number(sp[1])) {
      return { period: `giai đoạn ${sp[1]} - ${sp[2]}`, periodStart: `${sp[1]}-01-01`, periodEnd: `${sp[2]}-12-31` };
    }
    const un = until(source);
    if (un) return { period: `đến năm ${un[1]}`, periodStart: issued, periodEnd: `${un[1]}-12-31` };
    const y = year(source);
    if (y && !/ngày\s+\d/u.test(source.slice(Math.max(0, y.index - 20), y.index))) {
      return { period: `năm ${y[1]}`, periodStart: `${y[1]}-01-01`, periodEnd: `${y[1]}-12-31` };
    }
  }
  return {};
}

function findTypeLine(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.length > 200 || l !== l.toLocaleUpperCase('vi')) continue;
    if (TYPES.some((t) => l === t || l.startsWith(`${t} `))) return i;
  }
  return -1;
}

/** The document's name: capitals lines joined, or the one sentence-case paragraph under the type. */
function nameAfter(lines: string[], from: number): string {
  const first = lines[from];
  if (!first || /^(Căn cứ|Số\b|Điều\s+\d|[IVX]+\.\s|Kính gửi|Chương\s)/u.test(first)) return '';
  if (first === first.toLocaleUpperCase('vi')) {
    const parts = [first];
    for (let i = from + 1; i < lines.length && parts.length < 4; i++) {
      const l = lines[i]!;
      if (l !== l.toLocaleUpperCase('vi') || /^(QUỐC HỘI|CHÍNH PHỦ|Căn cứ)/u.test(l) || /:$/.test(l)) break;
      parts.push(l);
    }
    return parts.join(' ');
  }
  return first.replace(/[.;:]$/, '');
}

/**
 * "HÔN NHÂN VÀ GIA ĐÌNH" under LUẬT → "Hôn nhân và gia đình" (a law's name is capitalised);
 * under other types the name runs on in lower case: "Kế hoạch thực hiện …", keeping acronyms
 * and the capital of a law named inside ("… của Luật Trẻ em").
 */
function nameCase(name: string, type: string): string {
  let n = name === name.toLocaleUpperCase('vi') ? name.toLocaleLowerCase('vi') : name;
  n = n
    .replace(/(?<!\p{L})(luật|bộ luật|pháp lệnh)\s+(\p{Ll})/gu, (_, t: string, c: string) => `${cap(t)} ${c.toLocaleUpperCase('vi')}`)
    .replace(/(?<!\p{L})việt nam(?!\p{L})/gu, 'Việt Nam');
  if (type === 'LUẬT' || type === 'BỘ LUẬT' || type === 'PHÁP LỆNH' || type === 'HIẾN PHÁP') return cap(n);
  // Lower-case the first letter unless it starts an acronym ("UBND", "HĐND").
  const second = n.charAt(1);
  return second && second === second.toLocaleLowerCase('vi') ? n.charAt(0).toLocaleLowerCase('vi') + n.slice(1) : n;
}

function findIssuer(lines: string[]): { name: string; scope?: string } | null {
  const block = lines.slice(0, 8).filter((l) => l === l.toLocaleUpperCase('vi') && !/^(SỐ|Số)\b/u.test(l));
  for (let i = 0; i < block.length; i++) {
    const l = block[i]!;
    const next = block[i + 1] ?? '';
    for (const [re, name] of NATIONAL_ISSUERS) if (re.test(l)) return { name };
    const local = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|HỘI LIÊN HIỆP PHỤ NỮ|HỘI LHPN)(?:\s+(.+))?$/u.exec(l);
    if (local) {
      const body = local[1]!.startsWith('H') && /PHỤ NỮ|LHPN/u.test(local[1]!) ? 'Hội LHPN' : /HỘI ĐỒNG|HĐND/u.test(local[1]!) ? 'HĐND' : 'UBND';
      const where = local[2] ?? next;
      const lv = LEVEL_RE.exec(where);
      if (lv) {
        const unit = /^(SỞ|BAN|PHÒNG)\s/u.test(block[i + (local[2] ? 1 : 2)] ?? '') ? block[i + (local[2] ? 1 : 2)]! : null;
        const place = properName(lv[2]!);
        const scoped = `${lv[1]!.toLocaleLowerCase('vi')} ${place}`;
        if (unit) return { name: `${agencyName(unit)} ${scoped}`, scope: scoped };
        return { name: `${body} ${scoped}`, scope: scoped };
      }
      return { name: body === 'UBND' ? 'Ủy ban nhân dân' : body === 'HĐND' ? 'Hội đồng nhân dân' : 'Hội Liên hiệp Phụ nữ' };
    }
    const ministry = /^BỘ\s+[\p{Lu} ,&–-]+$/u.exec(l);
    if (ministry && !TYPES.includes(l) && l !== 'BỘ LUẬT') return { name: agencyName(l), scope: 'toàn quốc' };
    const tinh = LEVEL_RE.exec(l);
    if (tinh && /^(SỞ|BAN)\s/u.test(next)) {
      const scoped = `${tinh[1]!.toLocaleLowerCase('vi')} ${properName(tinh[2]!)}`;
      return { name: `${agencyName(next)} ${scoped}`, scope: scoped };
    }
  }
  return null;
}

/** "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Sở Lao động - Thương binh và Xã hội": each part capitalised. */
function agencyName(s: string): string {
  const m = /^(\S+)\s+(.*)$/u.exec(s.toLocaleLowerCase('vi'));
  if (!m) return cap(s.toLocaleLowerCase('vi'));
  const parts = m[2]!.split(/(\s*[-–,]\s*|\s+và\s+)/u);
  return `${cap(m[1]!)} ${parts.map((p, i) => (i % 2 ? p : cap(p))).join('')}`;
}

/** Place names capitalise every syllable: "THANH HÓA" → "Thanh Hóa". */
function properName(s: string): string {
  return s.toLocaleLowerCase('vi').split(/\s+/).map(cap).join(' ');
}

function cap(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

function sentence(s: string): string {
  return cap(s.toLocaleLowerCase('vi'));
}
