/**
 * Every question's offline answer as an answer review records it: the lead (số hiệu, Điều, khoản,
 * điểm), whether it is the review's khoản ("khoan": a lead without điểm counts when its khoản is
 * the one named; a lead with another điểm does not), and the answer's first line; with retrieval's
 * top 5. `npx tsx scripts/answer-leads.ts FILE.jsonl …` prints one JSON line per question, to
 * compare before and after a change (`diff`).
 */
import fs from 'node:fs';
import { respond } from '../server/chat/respond.js';
import { buildEvalStore, defaultCorpusDirs } from '../eval/store.js';

interface Q {
  id: string;
  question: string;
  law?: string;
  khoan?: string;
}

export function khoanLed(lead: { article: string; clause: string | null; point: string | null } | null, khoan: string | undefined): boolean {
  if (!lead || !khoan) return false;
  const m = /Điều\s+(\S+)(?:\s+khoản\s+(\S+))?(?:\s+điểm\s+(\S+))?/u.exec(khoan);
  if (!m) return false;
  if (m[1] !== String(lead.article)) return false;
  if (m[2] && m[2] !== lead.clause) return false;
  if (m[3] && lead.point && m[3] !== lead.point) return false;
  return true;
}

const store = await buildEvalStore(defaultCorpusDirs());
try {
  for (const file of process.argv.slice(2)) {
    const qs = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Q);
    for (const q of qs) {
      const r = await respond(store.services, { message: q.question });
      const c = r.citations[0];
      const lead = c ? `${c.document.number} Đ${c.article}${c.clause ? ` k${c.clause}` : ''}${c.point ? ` đ${c.point}` : ''}` : r.kind;
      const leadOk =
        Boolean(c && (!q.law || c.document.number === q.law)) &&
        khoanLed(c ? { article: String(c.article), clause: c.clause, point: c.point ?? null } : null, q.khoan);
      const top = (await store.services.retriever.search(q.question, { k: 5 })).hits.map((h) => `${h.document.number} Đ${h.article}`);
      const first = (r.answer ?? '').split('\n')[0];
      console.log(JSON.stringify({ file, id: q.id, kind: r.kind, lead, khoan_led: leadOk, first, top }));
    }
  }
} finally {
  await store.close();
}
