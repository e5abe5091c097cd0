import type { DocumentMeta } from '../types.js';

/**
 * Metadata that Vietnamese legal documents state on their first page (Nghị định 30/2020/NĐ-CP
 * layout): issuer block, "Số: 52/2014/QH13", "Hà Nội, ngày 19 tháng 6 năm 2014", the document
 * type in capitals and the name below it.
 */
const TYPES = ['BỘ LUẬT', 'LUẬT', 'NGHỊ ĐỊNH', 'NGHỊ QUYẾT', 'THÔNG TƯ', 'QUYẾT ĐỊNH', 'KẾ HOẠCH', 'CHƯƠNG TRÌNH', 'CHỈ THỊ', 'HƯỚNG DẪN', 'CÔNG VĂN'];
const ISSUERS: [RegExp, string][] = [
  [/^QUỐC HỘI\b/, 'Quốc hội'],
  [/^CHÍNH PHỦ\b/, 'Chính phủ'],
  [/^THỦ TƯỚNG CHÍNH PHỦ\b/, 'Thủ tướng Chính phủ'],
  [/^ỦY BAN NHÂN DÂN|^UỶ BAN NHÂN DÂN/, ''],
  [/^HỘI ĐỒNG NHÂN DÂN/, ''],
  [/^BỘ [A-ZÀ-Ỹ ,]+$/u, ''],
  [/^HỘI LIÊN HIỆP PHỤ NỮ/, ''],
];

export function extractMetadata(text: string): DocumentMeta {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 40);
  const meta: DocumentMeta = {};
  const head = lines.join('\n');

  const num = /Số\s*[:.]?\s*(\d+\s*\/\s*\d{4}\s*\/\s*[A-ZĐ0-9-]+|\d+\s*\/\s*[A-ZĐ0-9-]+)/u.exec(head) ?? /(?:Luật|Bộ luật|Nghị định)\s+số\s+(\d+\/\d{4}\/[A-ZĐ0-9-]+)/u.exec(head);
  if (num) meta.number = num[1]!.replace(/\s+/g, '');

  for (let i = 0; i < Math.min(lines.length, 8); i++) {
    const l = lines[i]!;
    for (const [re, name] of ISSUERS) {
      if (re.test(l) && !meta.issuer) {
        const next = lines[i + 1] ?? '';
        const full = name || (/^(TỈNH|THÀNH PHỐ|HUYỆN|XÃ)\b/u.test(next) ? `${l} ${next}` : l);
        meta.issuer = name || titleCase(full);
      }
    }
  }

  const date = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(head);
  if (date) meta.issued = `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const type = TYPES.find((t) => l === t || l.startsWith(`${t} `));
    if (!type) continue;
    if (l.length > 200) continue;
    const rest = l.slice(type.length).trim();
    // "LUẬT" alone: the name is on the next line(s) in capitals ("HÔN NHÂN VÀ GIA ĐÌNH").
    const nameLine = rest && !/^(SỐ|số)\b/.test(rest) ? rest : lines[i + 1] ?? '';
    meta.type = titleCase(type);
    if (nameLine && !/^(Căn cứ|Số)/.test(nameLine)) meta.title = `${titleCase(type)} ${sentenceCase(nameLine)}`.trim();
    break;
  }
  if (!meta.type && meta.number) {
    if (/\/QH\d+$/i.test(meta.number)) meta.type = 'Luật';
    else if (/NĐ-CP$/i.test(meta.number)) meta.type = 'Nghị định';
    else if (/\/KH-/i.test(meta.number)) meta.type = 'Kế hoạch';
  }
  return meta;
}

function titleCase(s: string): string {
  const l = s.toLocaleLowerCase('vi');
  return l.charAt(0).toLocaleUpperCase('vi') + l.slice(1);
}

function sentenceCase(s: string): string {
  return s === s.toUpperCase() ? s.toLocaleLowerCase('vi') : s;
}
