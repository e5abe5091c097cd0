import * as cheerio from 'cheerio';
import { ingestError } from '../errors.js';
import type { ParsedText } from '../types.js';
import { extractMetadata } from './metadata.js';
import { decodeBytes, fixUnicodeText, stripControls, type FontHint } from './encoding.js';

const BLOCK = 'p, div, li, h1, h2, h3, h4, h5, h6, tr, br, section, article, blockquote, pre, dd, dt, td, th, caption, center';

/**
 * HTML → text, inside the parse worker: scripts, styles and page chrome are dropped, each block
 * element becomes a line. Text set in .VnTime / VNI-Times fonts is converted like DOCX runs.
 */
export async function parseHtml(bytes: Uint8Array): Promise<ParsedText> {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  const decoded = decodeBytes(bytes, declared);
  const $ = cheerio.load(decoded.text);
  // Scripts, styles and page chrome are never document text.
  $('script, style, noscript, template, iframe, object, embed, nav, header, footer, aside, form, svg, canvas, button, select').remove();
  const fontHint = htmlFontHint($.html());
  $('td, th').each((_, el) => {
    $(el).append(' ');
  });
  $(BLOCK).each((_, el) => {
    $(el).append('\n');
  });
  const main = $('main, article').first();
  const body = $('body');
  const content = main.length ? main.text() : body.length ? body.text() : $.root().text();
  const text = stripControls(content.normalize('NFC'))
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  if (!/\p{L}/u.test(text)) throw ingestError('invalid:no_text', 'HTML has no text once scripts and chrome are removed', 'Trang HTML không có nội dung chữ.');
  const fixed = fixUnicodeText(text, decoded.encoding, fontHint);
  // A page's <title> is usually a portal's caption; it only stands in when the text names nothing.
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  const named = Boolean(extractMetadata(fixed.text).title);
  return { format: 'html', text: fixed.text, meta: { title: title && !named ? fixUnicodeText(title, decoded.encoding, fontHint).text : undefined } };
}

function htmlFontHint(html: string): FontHint {
  const tcvn = html.match(/(?:font-family\s*:|face\s*=)\s*["']?\s*\.?Vn[A-Z]/gi)?.length ?? 0;
  const vni = html.match(/(?:font-family\s*:|face\s*=)\s*["']?\s*VNI[- ]/gi)?.length ?? 0;
  if (!tcvn && !vni) return null;
  return tcvn >= vni ? 'tcvn3' : 'vni';
}
