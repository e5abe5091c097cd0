import type { Queryable } from '../../store/db.js';
import { findContacts } from '../../ingest/contacts.js';
import { documentReference, documentShortReference } from '../../ingest/names.js';
import { fold, syllables } from '../../ingest/text/vietnamese.js';
import type { DocInfo } from '../retrieval/index/corpus-index.js';
import type { ArticleHit } from '../retrieval/retriever.js';
import { periodOver, todayInVietnam } from '../present.js';
import type { Citation } from './answerer.js';
import { citationFor, citationPlace } from './citation.js';
import { render } from './templates.js';

/**
 * The province's own documents next to the law. Officials upload UBND tỉnh's and the Hội's plans;
 * a member asking what she may do gets the law's rule first and then what the province does:
 * "Ở Thanh Hóa, theo mục III.3 Kế hoạch 123/KH-UBND, …". A plan whose period is over is said to
 * be over when a newer one exists, and local numbers are shown with the section they came from.
 */

/**
 * Adds what citations of documents without Điều need to hits: the document's reference, issuer,
 * scope and period, from the index the hits came from (server/retrieval/index/corpus-index.ts),
 * so answering reads no row for it. A hit's section is already its chunk's.
 */
export function enrichHits(docs: ReadonlyMap<string, DocInfo>, hits: ArticleHit[]): void {
  for (const h of hits) {
    const x = docs.get(h.document.id);
    if (!x) continue;
    const meta = { title: x.title, number: x.number ?? undefined, type: x.type, issued: x.issued ?? undefined, issuer: x.issuer ?? undefined };
    h.document = {
      ...h.document,
      ...(h.article ? {} : { reference: documentReference(meta) }),
      shortReference: documentShortReference(meta),
      issuer: x.issuer,
      issued: x.issued,
      scope: x.scope,
      period: x.period,
      periodEnd: x.periodEnd,
    };
  }
}

/** A hit of a plan whose period is over, with the newer plan of the same issuer when there is one. */
export interface PastPlan {
  hit: ArticleHit;
  /** Reference of the newer plan of the same type, issuer and scope, or null when there is none. */
  newer: string | null;
}

/**
 * Plans whose period is over: answered as past when a newer plan of the same type, issuer and
 * scope exists (and left out when that newer plan is among the hits, so the answer quotes it),
 * kept as they are when nothing newer exists. Call after enrichHits.
 */
export async function preferCurrentPlans(db: Queryable, hits: ArticleHit[], today = todayInVietnam()): Promise<{ hits: ArticleHit[]; past: PastPlan[] }> {
  const over = hits.filter((h) => !h.document.binding && periodOver(h.document.periodEnd, today));
  if (!over.length) return { hits, past: [] };
  const past: PastPlan[] = [];
  const newerOf = new Map<string, { id: string; reference: string } | null>();
  for (const h of over) {
    const d = h.document;
    if (!newerOf.has(d.id)) {
      const r = await db.query<{ id: string; title: string; number: string | null; type: string; issued: string | null; issuer: string | null }>(
        `select id, title, number, type, to_char(issued, 'YYYY-MM-DD') as issued, issuer from documents
          where id <> $1 and type = $2 and coalesce(issuer, '') = coalesce($3, '') and coalesce(scope, '') = coalesce($4, '')
            and period_end > $5::date and status in ('in_force', 'partial')
          order by period_end desc limit 1`,
        [d.id, d.type, d.issuer ?? null, d.scope ?? null, d.periodEnd],
      );
      const n = r.rows[0];
      newerOf.set(
        d.id,
        n
          ? {
              id: n.id,
              reference: documentReference({
                title: n.title,
                number: n.number ?? undefined,
                type: n.type,
                issued: n.issued ?? undefined,
                issuer: n.issuer ?? undefined,
              }),
            }
          : null,
      );
    }
    past.push({ hit: h, newer: newerOf.get(d.id)?.reference ?? null });
  }
  const superseded = new Set(past.filter((p) => p.newer).map((p) => p.hit));
  const present = new Set(hits.map((h) => h.document.id));
  // The newer plan was found too: quote it, not the old one. Otherwise the old one goes last.
  const kept = hits.filter((h) => !(superseded.has(h) && present.has(newerOf.get(h.document.id)!.id)));
  const ordered = [...kept.filter((h) => !superseded.has(h)), ...kept.filter((h) => superseded.has(h))];
  return { hits: ordered, past: past.filter((p) => kept.includes(p.hit) || !p.newer) };
}

/** "Kế hoạch năm 2025 đã hết thời gian thực hiện; …" for each past plan an answer uses. */
export function periodNotes(past: PastPlan[], used: ArticleHit[] = past.map((p) => p.hit)): string[] {
  const notes = new Set<string>();
  for (const p of past) {
    if (!used.some((u) => u.document.id === p.hit.document.id)) continue;
    const d = p.hit.document;
    const plan = `${d.type}${d.period ? ` ${d.period}` : ''}${d.number ? ` (${d.number})` : ''}`;
    notes.add(p.newer ? render('plan-period-over.vi.txt', { plan, newer: p.newer }) : render('plan-period-latest.vi.txt', { plan }));
  }
  return [...notes];
}

/** "Ở Thanh Hóa": the place a provincial or commune document applies to. */
export function placeOf(scope: string | null | undefined): string {
  if (!scope || scope === 'toàn quốc') return 'địa phương';
  const m = /^(?:tỉnh|thành phố)\s+(.+)$/u.exec(scope);
  return m ? m[1]! : scope;
}

export interface ProvincialPart {
  /** Lines to put after the law's rule: the province's sentence, its local numbers. */
  lines: string[];
  citations: Citation[];
  hit: ArticleHit;
}

/**
 * When the top hits hold both a law's article and a section of a provincial document, the
 * sentence that says what the province does, citing the section in the document's own terms:
 * 'Ở Thanh Hóa, theo mục III.3 Kế hoạch 123/KH-UBND, "…"'. Local phone numbers in that section
 * follow on their own line, with their source. Null when the answer has no law and plan to join.
 *
 * `source` is the 1-based [n] index of the hit among the sources the answer cites.
 */
export function provincialPart(hits: ArticleHit[], termWeights: Record<string, number>, source: (h: ArticleHit) => number): ProvincialPart | null {
  if (!hits.length) return null;
  const top = hits[0]!.score;
  const considered = hits.slice(0, 4).filter((h) => h.score >= top * 0.5);
  const law = considered.find((h) => h.document.binding && h.article);
  const local = considered.find((h) => !h.document.binding && !h.article && (h.section?.length || h.heading));
  if (!law || !local) return null;
  const line = bestLine(local, termWeights);
  const c = citationFor(local, source(local), line.item, line.point, line.text);
  const name = local.document.shortReference ?? local.document.reference ?? local.document.name;
  const lines = [render('provincial-statement.vi.txt', { place: placeOf(local.document.scope), citation: `${citationPlace(c)} ${name}`, quote: line.text })];
  for (const contact of findContacts([{ text: local.text, section: c.section ?? null }])) {
    lines.push(
      render('provincial-contact.vi.txt', {
        what: contact.kind === 'phone' ? 'Số điện thoại' : 'Địa chỉ',
        label: contact.label && contact.label !== 'Địa chỉ' ? ` (${contact.label})` : '',
        value: contact.value,
        citation: `${citationPlace(c)} ${name}`,
      }),
    );
  }
  return { lines, citations: [c], hit: local };
}

const MAX_QUOTE = 240;

/** The body line of a section that shares the most weighted words with the question. */
function bestLine(hit: ArticleHit, weights: Record<string, number>): { text: string; item: string | null; point: string | null } {
  const body = hit.text.split('\n').slice(1);
  const lines = body.length ? body : hit.text.split('\n');
  let best = { score: -1, text: lines[0] ?? '', item: null as string | null, point: null as string | null };
  for (const l of lines) {
    const item = /^(\d+)\.\s+/u.exec(l)?.[1] ?? null;
    const point = /^([a-zđ])[).]\s*/u.exec(l)?.[1] ?? null;
    let s = 0;
    for (const t of new Set(syllables(l).map(fold))) s += weights[t] ?? 0;
    if (s > best.score) best = { score: s, text: l, item: item && hit.clauses.includes(item) ? item : null, point };
  }
  const text = best.text.replace(/^(?:[-–+•*]|[a-zđ][).]|\d+\.)\s*/u, '').trim();
  const cut = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE).replace(/\s+\S*$/u, '')}…` : text;
  return { text: cut, item: best.item, point: best.point };
}

/**
 * Local phone numbers officials confirmed in the console (document_contacts.confirmed_at), with
 * their source: what the safety layer may add to emergency numbers. Unconfirmed numbers found in
 * documents are never returned here.
 */
export async function confirmedLocalNumbers(db: Queryable): Promise<{ label: string; number: string; source: string }[]> {
  const r = await db.query<{
    value: string;
    label: string;
    section: string[] | null;
    title: string;
    number: string | null;
    type: string;
    issued: string | null;
    issuer: string | null;
  }>(
    `select c.value, c.label, c.section, d.title, d.number, d.type, to_char(d.issued, 'YYYY-MM-DD') as issued, d.issuer
       from document_contacts c join documents d on d.id = c.document_id
      where c.kind = 'phone' and c.confirmed_at is not null and d.status in ('in_force', 'partial')
      order by c.confirmed_at`,
  );
  return r.rows.map((x) => {
    const doc = documentShortReference({
      title: x.title,
      number: x.number ?? undefined,
      type: x.type,
      issued: x.issued ?? undefined,
      issuer: x.issuer ?? undefined,
    });
    return { label: x.label, number: x.value, source: x.section?.length ? `mục ${x.section.join('.')} ${doc}` : doc };
  });
}
