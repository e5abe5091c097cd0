import type { ZipArchive } from './zip.js';
import { toRoman } from '../text/roman.js';

/**
 * Word's automatic numbering ("Điều %1.", "%1.", "%1)", bullets) lives in numbering.xml, not in
 * the text: mammoth's raw text drops it, and a law typed with auto-numbered articles would come
 * out with no "Điều N." at all. This reads document.xml paragraph by paragraph and writes the
 * numbers back in front of the text, as Word displays them. Used only when the document has
 * ordered numbering; otherwise mammoth's text is kept.
 */

interface Level {
  fmt: string;
  text: string;
  start: number;
}

interface NumberingDefs {
  /** numId → ilvl → level */
  nums: Map<string, Map<number, Level>>;
  /** styleId → numbering of paragraphs in that style */
  styles: Map<string, { numId: string; ilvl: number }>;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

function readDefs(zip: ZipArchive): NumberingDefs {
  const xml = zip.read('word/numbering.xml')?.toString('utf8') ?? '';
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const ilvl = Number(attr(l[1]!, 'w:ilvl') ?? 0);
      const body = l[2]!;
      levels.set(ilvl, {
        fmt: attr(/<w:numFmt\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 'decimal',
        text: decodeEntities(attr(/<w:lvlText\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? ''),
        start: Number(attr(/<w:start\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 1),
      });
    }
    abstract.set(m[1]!, levels);
  }
  const nums = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abs = attr(/<w:abstractNumId\b[^>]*>/.exec(m[2]!)?.[0] ?? '', 'w:val');
    const levels = new Map(abstract.get(abs ?? '') ?? []);
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const ilvl = Number(attr(o[1]!, 'w:ilvl') ?? 0);
      const start = attr(/<w:startOverride\b[^>]*>/.exec(o[2]!)?.[0] ?? '', 'w:val');
      const base = levels.get(ilvl);
      if (base && start) levels.set(ilvl, { ...base, start: Number(start) });
    }
    nums.set(m[1]!, levels);
  }
  const styles = new Map<string, { numId: string; ilvl: number }>();
  const stylesXml = zip.read('word/styles.xml')?.toString('utf8') ?? '';
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2]!)?.[1];
    const numId = numPr ? attr(/<w:numId\b[^>]*>/.exec(numPr)?.[0] ?? '', 'w:val') : undefined;
    if (numId) styles.set(m[1]!, { numId, ilvl: Number(attr(/<w:ilvl\b[^>]*>/.exec(numPr!)?.[0] ?? '', 'w:val') ?? 0) });
  }
  return { nums, styles };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** Vietnamese lists skip no letter but đ follows d: a b c d đ e … */
const VI_LETTERS = 'abcdđeghiklmnopqrstuvxy';

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return VI_LETTERS[(n - 1) % VI_LETTERS.length]!;
    case 'upperLetter':
      return VI_LETTERS[(n - 1) % VI_LETTERS.length]!.toUpperCase();
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperRoman':
      return toRoman(n);
    default:
      return String(n);
  }
}

export function hasOrderedNumbering(zip: ZipArchive): boolean {
  const doc = zip.read('word/document.xml')?.toString('utf8') ?? '';
  if (!/<w:numPr>|<w:pStyle\b/.test(doc)) return false;
  const defs = readDefs(zip);
  const ordered = [...defs.nums.values()].some((levels) => [...levels.values()].some((l) => l.fmt !== 'bullet' && l.fmt !== 'none'));
  return ordered && (/<w:numPr>/.test(doc) || [...defs.styles.keys()].some((s) => doc.includes(`w:val="${s}"`)));
}

/**
 * document.xml → one line per paragraph, with Word's automatic numbers written out (`text`),
 * and the same without the numbers (`body`, to check it against mammoth's reading).
 */
export function docxTextWithNumbering(zip: ZipArchive): { text: string; body: string } {
  const doc = zip.read('word/document.xml')?.toString('utf8') ?? '';
  const defs = readDefs(zip);
  const counters = new Map<string, number[]>();
  const lines: string[] = [];
  const bodies: string[] = [];
  let text = '';
  let pStyle: string | undefined;
  let numId: string | undefined;
  let ilvl: number | undefined;
  let inText = false;
  let skip = 0; // inside deleted text or field instructions
  const token = /<(\/?)(w:p|w:t|w:tab|w:br|w:cr|w:pStyle|w:numId|w:ilvl|w:del|w:instrText|w:delText)\b([^>]*?)(\/?)>|([^<]+)|<[^>]*>/g;
  for (const m of doc.matchAll(token)) {
    const [, close, name, attrs = '', selfClose, chars] = m;
    if (chars !== undefined) {
      if (inText && !skip) text += decodeEntities(chars);
      continue;
    }
    if (!name) continue;
    if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText') {
      if (!selfClose) skip += close ? -1 : 1;
      skip = Math.max(0, skip);
      continue;
    }
    if (name === 'w:t') {
      inText = !close && !selfClose;
      continue;
    }
    if (name === 'w:tab' && !close) text += ' ';
    else if ((name === 'w:br' || name === 'w:cr') && !close) text += '\n';
    else if (name === 'w:pStyle' && !close) pStyle = attr(attrs, 'w:val');
    else if (name === 'w:numId' && !close) numId = attr(attrs, 'w:val');
    else if (name === 'w:ilvl' && !close) ilvl = Number(attr(attrs, 'w:val') ?? 0);
    else if (name === 'w:p' && !close && !selfClose) {
      text = '';
      pStyle = numId = ilvl = undefined;
    } else if (name === 'w:p' && (close || selfClose)) {
      const fromStyle = pStyle ? defs.styles.get(pStyle) : undefined;
      const id = numId ?? fromStyle?.numId;
      const level = ilvl ?? fromStyle?.ilvl ?? 0;
      let prefix = '';
      const levels = id && id !== '0' ? defs.nums.get(id) : undefined;
      if (levels && levels.get(level) && text.trim()) {
        const counts = counters.get(id!) ?? [];
        const lv = levels.get(level)!;
        counts[level] = counts[level] === undefined ? lv.start : counts[level]! + 1;
        counts.length = level + 1; // deeper levels restart
        counters.set(id!, counts);
        if (lv.fmt === 'bullet') prefix = '- ';
        else if (lv.fmt !== 'none') {
          prefix = lv.text.replace(/%(\d)/g, (_, k: string) => {
            const i = Number(k) - 1;
            return formatNumber(counts[i] ?? levels.get(i)?.start ?? 1, levels.get(i)?.fmt ?? 'decimal');
          });
          prefix = prefix ? `${prefix} ` : '';
        }
      }
      lines.push(prefix + text);
      bodies.push(text);
      text = '';
    }
  }
  return { text: lines.join('\n'), body: bodies.join('\n') };
}
