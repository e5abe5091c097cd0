import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { SharedAnswerRow } from '../../store/shared-answers.js';
import { citationPlace, documentLabel, excerpt, uniqueCitations, withoutMarkers, type SharedCitation } from './format.js';
import { shareHeading } from './page.js';

/**
 * The preview image Zalo and Facebook show for a shared link (og:image): 1200×630, and a square
 * 1200×1200 for places that crop to a square. Laid out by satori (HTML/CSS subset → SVG) and
 * rasterised by resvg, both in-process, with DejaVu Sans from the dejavu-fonts-ttf package: it
 * carries every precomposed Vietnamese letter, and no font is fetched at run time.
 */

export type CardShape = 'wide' | 'square';
export const CARD_SIZE: Record<CardShape, { width: number; height: number }> = {
  wide: { width: 1200, height: 630 },
  square: { width: 1200, height: 1200 },
};

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node[] | Node | string } };
const el = (type: string, style: Record<string, unknown>, children?: Node[] | Node | string): Node => ({
  type,
  props: { style, ...(children !== undefined ? { children } : {}) },
});

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | null = null;
function loadFonts() {
  if (fonts) return fonts;
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  fonts = [
    { name: 'DejaVu Sans', data: fs.readFileSync(path.join(dir, 'DejaVuSans.ttf')), weight: 400, style: 'normal' },
    { name: 'DejaVu Sans', data: fs.readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')), weight: 700, style: 'normal' },
  ];
  return fonts;
}

/** What goes on the card: the heading, the start of the answer, the first source. */
export function cardTree(row: Pick<SharedAnswerRow, 'question' | 'topic' | 'answer' | 'citations'>, shape: CardShape, disclaimer: string): Node {
  const { width, height } = CARD_SIZE[shape];
  const square = shape === 'square';
  let answer = row.answer;
  const at = disclaimer ? answer.lastIndexOf(disclaimer) : -1;
  if (at >= 0) answer = answer.slice(0, at);
  const first = uniqueCitations(row.citations as SharedCitation[])[0];
  const source = first ? `${citationPlace(first)} ${documentLabel(first.document)}` : null;
  return el(
    'div',
    {
      width,
      height,
      display: 'flex',
      flexDirection: 'column',
      padding: 56,
      background: '#fbf7f4',
      color: '#1f1a24',
      fontFamily: 'DejaVu Sans',
      boxSizing: 'border-box',
    },
    [
      el('div', { display: 'flex', fontSize: 28, color: '#7a1f4b', fontWeight: 700 }, 'Hiểu Luật · Hỏi đáp pháp luật cho phụ nữ'),
      el(
        'div',
        { display: 'flex', marginTop: 24, fontSize: square ? 52 : 44, fontWeight: 700, lineHeight: 1.25 },
        excerpt(shareHeading(row), square ? 120 : 90),
      ),
      el(
        'div',
        { display: 'flex', marginTop: 24, fontSize: square ? 34 : 28, lineHeight: 1.4, color: '#3b3340', flexGrow: 1, overflow: 'hidden' },
        excerpt(withoutMarkers(answer), square ? 420 : 240),
      ),
      ...(source ? [el('div', { display: 'flex', marginTop: 16, fontSize: 24, color: '#4b6b3c' }, `Căn cứ: ${excerpt(source, square ? 110 : 80)}`)] : []),
      el('div', { display: 'flex', marginTop: 12, fontSize: 22, color: '#6b5d66' }, 'Thông tin tham khảo, miễn phí — không thay thế tư vấn của luật sư'),
    ],
  );
}

export async function renderCard(
  row: Pick<SharedAnswerRow, 'question' | 'topic' | 'answer' | 'citations'>,
  shape: CardShape,
  disclaimer: string,
): Promise<Buffer> {
  const { width, height } = CARD_SIZE[shape];
  // The renderers (and their fonts) are loaded at the first card, not at start: resident memory.
  const [{ default: satori }, { Resvg }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
  const svg = await satori(cardTree(row, shape, disclaimer) as never, { width, height, fonts: loadFonts() });
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng());
}
