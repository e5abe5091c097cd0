import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../ingest/errors.js';
import {
  convertLegacyFontLines,
  decodeTcvn3,
  decodeText,
  decodeVni,
  fixUnicodeText,
  isVietnameseSyllable,
  mojibakeCount,
  repairMojibake,
  vietnameseScore,
} from '../ingest/parse/encoding.js';
import { parseText } from '../ingest/parse/text.js';
import { parseStructure } from '../ingest/structure/legal.js';
import { LAW_TEXT } from './fixtures/documents.js';
import { cp1258Bytes, encodeTcvn3, encodeVni } from './fixtures/legacy.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const CORPUS = path.resolve(import.meta.dirname, '../corpus');
const corpusFiles = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));

function hasIconv(): boolean {
  try {
    execFileSync('iconv', ['-l'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    const e = err as IngestError;
    expect(e.userMessage).toMatch(/[à-ỹ]/u);
    return e.code;
  }
  return undefined;
}

describe('legacy Vietnamese encodings', () => {
  it('decodes known TCVN3 (ABC) text', () => {
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3('§iÒu 1. Ph¹m vi ®iÒu chØnh')).toBe('Điều 1. Phạm vi điều chỉnh');
    expect(decodeTcvn3('M\u00ADêng Kh\u00AD\u00ACng')).toBe('Mường Khương');
    // .VnTimeH headings: capitals typed on lower-case codes.
    expect(decodeTcvn3('§IÒU 5. LUËT H¤N NH¢N')).toBe('ĐIỀU 5. LUẬT HÔN NHÂN');
  });

  it('decodes known VNI text', () => {
    expect(decodeVni('Xin chaøo caùc baïn')).toBe('Xin chào các bạn');
    expect(decodeVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decodeVni('Ñieàu 1. ñöôïc ngöôøi Luaät')).toBe('Điều 1. được người Luật');
    expect(decodeVni('ÑIEÀU 2. QUYEÀN')).toBe('ĐIỀU 2. QUYỀN');
  });

  it('round-trips the sample law through an independent VNI encoder', () => {
    expect(decodeVni(encodeVni(LAW_TEXT))).toBe(LAW_TEXT);
  });

  it.skipIf(!hasIconv())('agrees with glibc iconv on every TCVN3 byte and on Windows-1258', () => {
    for (let b = 0xa0; b <= 0xff; b++) {
      const want = execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Buffer.from([b]) })
        .toString('utf8')
        .normalize('NFC');
      expect(decodeTcvn3(String.fromCharCode(b)), `byte ${b.toString(16)}`).toBe(want);
    }
    const cp = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP1258'], { input: Buffer.from(LAW_TEXT, 'utf8') });
    const d = decodeText(cp);
    expect(d.encoding).toBe('windows-1258');
    expect(d.text).toBe(LAW_TEXT);
  });

  it('detects each encoding of a whole file and converts it to NFC Unicode', () => {
    const vni = decodeText(latin1(encodeVni(LAW_TEXT)));
    expect(vni.encoding).toBe('vni');
    expect(vni.text).toBe(LAW_TEXT);

    const tcvn = decodeText(latin1(encodeTcvn3(LAW_TEXT)));
    expect(tcvn.encoding).toBe('tcvn3');
    // VN3 has no upper-case toned letters: case may differ, letters may not.
    expect(tcvn.text.toLocaleLowerCase('vi')).toBe(LAW_TEXT.toLocaleLowerCase('vi'));
    expect(parseStructure(tcvn.text).articles.map((a) => a.label)).toEqual(['1', '2', '3', '4', '5']);

    const cp = decodeText(cp1258Bytes(LAW_TEXT, (s) => iconv.encode(s, 'windows1258')));
    expect(cp.encoding).toBe('windows-1258');
    expect(cp.text).toBe(LAW_TEXT);
    expect(cp.text).toBe(cp.text.normalize('NFC'));
  });

  it('reads UTF-16 with and without a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LAW_TEXT, 'utf16le')]);
    expect(decodeText(le)).toMatchObject({ encoding: 'utf-16le', text: LAW_TEXT });
    expect(decodeText(Buffer.from(LAW_TEXT, 'utf16le'))).toMatchObject({ encoding: 'utf-16le', text: LAW_TEXT });
    const be = Buffer.from(LAW_TEXT, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ encoding: 'utf-16be', text: LAW_TEXT });
  });

  it('refuses bytes no Vietnamese encoding explains, naming the problem', () => {
    const cyrillic = iconv.encode('Статья 1. Настоящий Кодекс устанавливает правила семейной жизни и брака.', 'win1251');
    expect(codeOf(() => decodeText(cyrillic))).toBe('invalid:encoding');
    const sjis = iconv.encode('第一条 この法律は、家族に関する基本的な事項を定める。', 'shiftjis');
    expect(codeOf(() => decodeText(sjis))).toBe('invalid:encoding');
  });

  it('scores Vietnamese text high and wrong decodings low', () => {
    expect(vietnameseScore(LAW_TEXT).score).toBe(1);
    expect(vietnameseScore('Céng hoµ x· héi chñ nghÜa ViÖt Nam').score).toBeLessThan(0.3);
    expect(vietnameseScore(decodeTcvn3(encodeVni(LAW_TEXT))).score).toBeLessThan(0.5);
    for (const w of ['người', 'được', 'khuyên', 'nghiêng', 'quyền', 'giường', 'hoạch', 'Điều']) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['chñ', 'ViÖt', 'Viờũt', 'hoµ', 'ngưyx']) expect(isVietnameseSyllable(w), w).toBe(false);
  });
});

describe('mojibake ("UTF-8 read as Windows-1252")', () => {
  const asLatin1 = Buffer.from(LAW_TEXT, 'utf8').toString('latin1');

  it('is recognised and repaired exactly', () => {
    expect(asLatin1.startsWith('QUá»\u0090C')).toBe(true);
    expect(mojibakeCount(asLatin1)).toBeGreaterThan(50);
    expect(repairMojibake(asLatin1)).toBe(LAW_TEXT);
    const t = parseText(Buffer.from(asLatin1, 'utf8'));
    expect(t.text).toBe(LAW_TEXT);
  });

  it('repairs a mojibake line inside good text and leaves the rest alone', () => {
    const mixed = `Điều 1. Phạm vi\n${Buffer.from('Luật này quy định về hòa giải ở cơ sở.', 'utf8').toString('latin1')}\nCác từ “trích dẫn” – và © giữ nguyên.`;
    expect(fixUnicodeText(mixed).text).toBe('Điều 1. Phạm vi\nLuật này quy định về hòa giải ở cơ sở.\nCác từ “trích dẫn” – và © giữ nguyên.');
  });

  it('refuses mojibake that lost bytes on the way (Windows-1252 holes)', () => {
    const lossy = iconv.decode(Buffer.from(LAW_TEXT, 'utf8'), 'win1252');
    expect(lossy).toContain('\uFFFD');
    expect(codeOf(() => parseText(Buffer.from(lossy, 'utf8')))).toMatch(/^invalid:(mojibake|encoding)$/);
    const qmarks = lossy.replace(/\uFFFD/g, '?');
    expect(codeOf(() => parseText(Buffer.from(qmarks, 'utf8')))).toBe('invalid:mojibake');
  });

  it('refuses text whose diacritics were replaced by "?"', () => {
    const q = LAW_TEXT.replace(/[^\x00-\x7F]/g, '?');
    expect(codeOf(() => parseText(Buffer.from(q, 'utf8')))).toBe('invalid:lossy_encoding');
  });
});

describe('legacy fonts inside Unicode files (.VnTime, VNI-Times)', () => {
  it('converts TCVN3-font lines and keeps Unicode lines', () => {
    const text = `Chương I\n${encodeTcvn3('Điều 1. Phạm vi điều chỉnh')}\nLuật này quy định về hòa giải.`;
    const r = convertLegacyFontLines(text);
    expect(r).toMatchObject({ converted: 1, encoding: 'tcvn3' });
    expect(r.text).toBe('Chương I\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về hòa giải.');
  });

  it('converts VNI-font lines', () => {
    const r = convertLegacyFontLines(encodeVni(LAW_TEXT));
    expect(r.encoding).toBe('vni');
    expect(r.text).toBe(LAW_TEXT);
  });

  it('honours a font hint from the document', () => {
    expect(fixUnicodeText(encodeTcvn3('Điều 2. Giải thích từ ngữ'), 'utf-8', 'tcvn3').text).toBe('Điều 2. Giải thích từ ngữ');
  });

  it('never touches real Unicode Vietnamese (whole corpus unchanged)', () => {
    for (const f of corpusFiles) {
      const text = fs.readFileSync(path.join(CORPUS, f), 'utf8').normalize('NFC');
      const r = fixUnicodeText(text);
      expect(r.repairs, f).toEqual([]);
      expect(r.text === text, f).toBe(true);
    }
  });
});
