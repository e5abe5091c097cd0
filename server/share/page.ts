import crypto from 'node:crypto';
import type { SharedAnswerRow } from '../../store/shared-answers.js';
import {
  citationPlace,
  documentLabel,
  excerpt,
  statusLabel,
  topicLabel,
  uniqueCitations,
  vietnameseDate,
  withoutMarkers,
  type SharedCitation,
} from './format.js';

/**
 * The public page of a shared answer (/a/<id>): plain server-rendered HTML, no script, so it opens
 * at once on a cheap phone with a poor signal and inside Zalo's in-app browser. Every value is
 * escaped; the only style is inline and allowed by its hash in the page's own CSP.
 */

export const SHARE_TITLE = 'Hiểu Luật — hỏi đáp pháp luật cho phụ nữ';

const STYLE = `
body{margin:0;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1f1a24;background:#fbf7f4}
main{max-width:720px;margin:0 auto;padding:16px}
header{border-bottom:1px solid #e5d9d2;margin-bottom:12px}
header p{margin:4px 0 10px;color:#6b5d66;font-size:15px}
h1{font-size:21px;margin:8px 0 4px;color:#7a1f4b}
h2{font-size:17px;margin:20px 0 6px}
.answer p{margin:0 0 10px;white-space:pre-line}
ol{padding-left:22px}
li{margin-bottom:10px}
blockquote{margin:4px 0;padding:6px 10px;border-left:3px solid #c9a3b6;background:#fff;font-size:15px}
.status{font-size:14px;color:#4b6b3c}
.status.old{color:#a3361f}
footer{margin-top:20px;padding-top:10px;border-top:1px solid #e5d9d2;font-size:14px;color:#6b5d66}
a.ask{display:inline-block;margin-top:14px;padding:12px 18px;background:#7a1f4b;color:#fff;border-radius:8px;text-decoration:none;font-weight:600}
`.trim();

const STYLE_HASH = `'sha256-${crypto.createHash('sha256').update(STYLE).digest('base64')}'`;

/** The page's own policy: no script at all, its one inline style, images (the card) from here. */
export const SHARE_PAGE_CSP = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** What the page and its card are about: her question if she chose to show it, else the topic. */
export function shareHeading(row: Pick<SharedAnswerRow, 'question' | 'topic'>): string {
  if (row.question) return row.question;
  const topic = topicLabel(row.topic);
  return topic ? `Hỏi đáp pháp luật về: ${topic}` : 'Hỏi đáp pháp luật';
}

export interface PageOptions {
  /** Absolute address of the page (Open Graph wants absolute URLs). */
  url: string;
  cardUrl: string;
  /** The disclaimer the answers end with: shown once, in the footer. */
  disclaimer: string;
}

export function sharePage(row: SharedAnswerRow, o: PageOptions): string {
  const heading = shareHeading(row);
  let answer = row.answer;
  const at = o.disclaimer ? answer.lastIndexOf(o.disclaimer) : -1;
  if (at >= 0) answer = answer.slice(0, at) + answer.slice(at + o.disclaimer.length);
  answer = answer.trim();
  const citations = uniqueCitations(row.citations as SharedCitation[]);
  const description = excerpt(withoutMarkers(answer), 200);
  const paragraphs = answer
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
  const items = citations
    .map((c) => {
      const status = statusLabel(c.document.status);
      const old = c.document.status === 'expired' || c.document.status === 'replaced';
      return `<li>${c.source ? `[${c.source}] ` : ''}<strong>${escapeHtml(capitalise(citationPlace(c)))}</strong> ${escapeHtml(documentLabel(c.document))}${
        status ? ` <span class="status${old ? ' old' : ''}">(${escapeHtml(status.toLowerCase())})</span>` : ''
      }${c.quote ? `<blockquote>${escapeHtml(c.quote)}</blockquote>` : ''}</li>`;
    })
    .join('\n');
  const og = (p: string, v: string) => `<meta property="${p}" content="${escapeHtml(v)}">`;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(heading)} — Hiểu Luật</title>
<meta name="description" content="${escapeHtml(description)}">
${og('og:type', 'article')}
${og('og:site_name', 'Hiểu Luật')}
${og('og:locale', 'vi_VN')}
${og('og:title', heading)}
${og('og:description', description)}
${og('og:url', o.url)}
${og('og:image', o.cardUrl)}
${og('og:image:type', 'image/png')}
${og('og:image:width', '1200')}
${og('og:image:height', '630')}
${og('og:image:alt', heading)}
<meta name="twitter:card" content="summary_large_image">
<style>${STYLE}</style>
</head>
<body>
<main>
<header><p>${escapeHtml(SHARE_TITLE)}</p><h1>${escapeHtml(heading)}</h1></header>
<section class="answer" aria-label="Câu trả lời">
${paragraphs}
</section>
${citations.length ? `<section aria-labelledby="cite-h"><h2 id="cite-h">Căn cứ pháp lý</h2>\n<ol>\n${items}\n</ol></section>` : ''}
<footer>
<p>Trả lời ngày ${escapeHtml(vietnameseDate(row.created_at))}. Luật có thể thay đổi sau ngày này.</p>
<p>${escapeHtml(o.disclaimer || 'Thông tin pháp luật để tham khảo, không thay thế tư vấn của luật sư.')}</p>
<p>Trang này chỉ có câu trả lời được chia sẻ, không có cuộc trò chuyện của người hỏi. Liên kết hết hạn ngày ${escapeHtml(vietnameseDate(row.expires_at))}.</p>
<a class="ask" href="/">Hỏi Hiểu Luật (miễn phí)</a>
</footer>
</main>
</body>
</html>
`;
}

/** 404 / 410 page: expired, withdrawn or never existed. */
export function gonePage(withdrawn: boolean): string {
  const text = withdrawn ? 'Câu trả lời này đã được cán bộ Hội thu hồi.' : 'Không tìm thấy câu trả lời này. Liên kết có thể đã hết hạn.';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Hiểu Luật</title><style>${STYLE}</style></head>
<body><main><header><p>${escapeHtml(SHARE_TITLE)}</p></header><h1>${escapeHtml(text)}</h1><a class="ask" href="/">Hỏi Hiểu Luật (miễn phí)</a></main></body></html>
`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
