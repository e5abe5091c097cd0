import * as cheerio from 'cheerio';
import { IngestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { nfc } from '../text/vietnamese.js';
import { decodeUtf8 } from './text.js';

const BLOCK = 'p, div, li, h1, h2, h3, h4, h5, h6, tr, br, section, article, blockquote';

export async function parseHtml(bytes: Uint8Array): Promise<ParsedText> {
  const $ = cheerio.load(decodeUtf8(bytes));
  // Scripts, styles and page chrome are never document text.
  $('script, style, noscript, template, iframe, nav, header, footer, aside, form, svg').remove();
  $(BLOCK).each((_, el) => {
    $(el).append('\n');
  });
  const root = $('main, article').first();
  const text = nfc((root.length ? root : $('body')).text())
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  if (!text) throw new IngestError('invalid:no_text', 'Trang HTML không có nội dung chữ.', 'HTML has no text');
  return { format: 'html', text, meta: { title: $('title').first().text().trim() || undefined } };
}
