import { negatedByHer } from './plain/negation.js';
import type { Config } from '../../config/config.js';
import type { ArticleHit } from '../retrieval/retriever.js';
import { EMERGENCY_LEAD_HITS, type AnswerInput, type AnswerOutput, type Answerer, type Citation } from './answerer.js';
import { citationFor, citationLabel } from './citation.js';
import { answerWants, asksFineAlone, asksList, COMPETENCE_TITLE, fitsWants, namesAuthority, unitAsked, wantsOf, type Want } from './plain/intent.js';
import { namesCourtCase } from './plain/court-case.js';
import { asksValidity } from './plain/validity.js';
import { asksChildSupportOnly } from './plain/spouse-support.js';
import { namesRegisteredSpouse } from './plain/unregistered.js';
import { namesNoInsurance } from './plain/insurance.js';
import { namesNoMany } from './plain/support-many.js';
import { plainOf, scoreUnits, type Unit } from './plain/units.js';
import { whatToDo } from './plain/what-to-do.js';
import { ageOutsideNote, agesNamed, pregnancyWeeksNamed } from './plain/ages.js';
import { contributionMonthsNamed } from './plain/contributions.js';
import { contractMonthsNamed } from './plain/contract.js';
import { periodsNamed } from './plain/period.js';
import { asksUndoing } from './plain/undo.js';
import { namesMan } from './plain/husband.js';
import { namesChild } from '../retrieval/rank/children.js';
import { namesSickOrCare } from './plain/child-care.js';
import { mentionsForeign } from '../retrieval/rank/foreign.js';
import { namesSurrogacy } from './plain/surrogacy.js';
import { asksPersons } from './plain/persons.js';
import { saysNoWill } from './plain/will.js';
import { asksAboutInheritance, namesLaterKin } from './plain/heirs.js';
import { widowedNotDivorced } from './plain/widowed.js';
import { asksBirthNotIllness, asksIllnessNotBirth } from './plain/sickness.js';
import { namesVoluntary } from './plain/voluntary.js';
import { namesDivorce } from './plain/divorce.js';
import { namesAdoption } from './plain/adoption.js';
import { asksExclusion } from './plain/exclusion.js';
import { asksEntitlement, asksMeaning, asksPermission, countsAsNamed } from './plain/definition.js';
import { render } from './templates.js';
import { standardWords } from '../retrieval/query.js';

/**
 * The offline answerer: no model. It answers first, in plain words: the plain-language sentence
 * (corpus/articles, reviewed data) of the khoản that says what she asked, then that khoản quoted
 * with its exact citation, one concrete next step, and the other articles found under "Xem thêm".
 * Every statement is either a quotation or a reviewed sentence about the cited khoản, so it
 * cannot invent an article or say more than the text.
 */

const MAX_LEADS = 2;
/** A second statement is added only when it answers nearly as well as the first. */
const SECOND_LEAD_RATIO = 0.7;
/**
 * Asked where, a statement naming the place comes second when the first names none and it scored
 * at least this share of the first. Leading with it instead (at 0.3 or 0.5) lowered the member
 * probe's leads with gold 70.8 → 70.2 % and the held-out phrasings' khoản 0.735 → 0.730 / 0.733.
 */
const WHERE_SECOND_RATIO = 0.3;
/**
 * Asked only where or whom, the khoản naming the office leads when it scored at least this share of
 * the best (measured at 0.2 over reviews 38–54 and probes 1–10; docs/history/offline-answer.md).
 */
const WHERE_LEAD_RATIO = 0.2;
/** An office acting of its own motion ("Tòa án … tự mình ra quyết định"): not where she asks for it. */
const OWN_MOTION = /\btự mình\b/u;
const namesOffice = (u: Unit) => namesAuthority(u.text, u.leadIn, u.hit.articleTitle ?? null);
/**
 * The lead already answers where when it is a khoản of the competence article ("Thẩm quyền giải quyết
 * tranh chấp đất đai" khoản 2: intent.ts COMPETENCE_TITLE), each of whose khoản says where.
 */
const saysWhere = (u: Unit) => COMPETENCE_TITLE.test(u.hit.articleTitle ?? '') || namesOffice(u);
/**
 * An office for another case than hers: a foreign element she does not name, or a person from 14
 * years when she asks for her child and names no age ("đổi tên cho con": the commune, Hộ tịch Điều
 * 27, not the district for a citizen from 14, Điều 46 khoản 3).
 */
const FOREIGN_CASE = /nước ngoài|không quốc tịch/u;
const OLDER_CASE = /từ đủ (1[4-8]|\d{2}) tuổi trở lên/u;
const MAX_QUOTE_CHARS = 160;
const MAX_SEE_ALSO = 4;
/** Words of an article's title shown beside it under "Xem thêm". */
const TITLE_WORDS = 12;
/** Words a member reads before "Xem thêm": about one phone screen. */
const WORD_BUDGET = 120;

export class ExtractiveAnswerer implements Answerer {
  readonly id = 'extractive';
  constructor(private readonly config: Pick<Config, 'LEGAL_AID_PHONE'>) {}

  async answer(input: AnswerInput, onToken?: (text: string) => void): Promise<AnswerOutput> {
    const lines: string[] = [];
    const citations: Citation[] = [];
    const sources: ArticleHit[] = [...input.hits, ...input.nextSteps, ...(input.alsoAsked ?? []).flatMap((a) => a.hits)];
    const citationOf = (hit: ArticleHit, clause: string | null, point: string | null, text: string) =>
      citationFor(hit, sources.indexOf(hit) + 1, clause, point, trimQuote(text));
    const cite = (hit: ArticleHit, clause: string | null, point: string | null, text: string) => {
      const c = citationOf(hit, clause, point, text);
      citations.push(c);
      return c;
    };

    // An emergency answer puts what to do now first: its statement comes from the best articles
    // only, the others are named under "Xem thêm" so that she can still find them.
    const answering = input.kind === 'emergency' ? input.hits.slice(0, EMERGENCY_LEAD_HITS) : input.hits;
    const { scored, wants, ages } = readUnits(
      answering,
      input.resolvedQuestion,
      input.termWeights,
      input.termSpellings,
      input.topics ?? [],
      input.kind === 'emergency',
    );
    // She named the article (and khoản): it is what the answer states, however few words it shares.
    const pinned = namedUnit(scored, input.named ?? []);
    const otherOffice = (u: Unit) =>
      (!mentionsForeign(input.resolvedQuestion) && FOREIGN_CASE.test(u.text)) ||
      (namesChild(input.resolvedQuestion) && !ages.length && OLDER_CASE.test(u.text));
    const leads = pinned ? pickLeads([pinned, ...scored.filter((u) => u !== pinned)], wants, true, otherOffice) : pickLeads(scored, wants, false, otherOffice);
    const stated: Unit[] = [];
    if (leads.length) {
      leads.forEach((u, i) => {
        const c = citationOf(u.hit, u.clause, u.point, u.continuation ? `${u.text} ${u.continuation}` : u.text);
        const plain = plainOf(u);
        // With a plain sentence: say it, then where it comes from (the first one quoted, a second
        // one only named, to keep the answer short). Without one (an upload with no notes yet):
        // the law's own words lead.
        let said: string[];
        if (!plain) said = [render('offline-statement.vi.txt', { citation: citationLabel(c), quote: c.quote })];
        else if (i === 0) said = [plain, render('offline-basis.vi.txt', { citation: citationLabel(c), quote: c.quote })];
        else said = [render('offline-also.vi.txt', { statement: plain, citation: citationLabel(c) })];
        // A rule about other ages than every one she names is said to be so, not told as her case.
        const outside = plain && ages.length ? ageOutsideNote(`${u.text} ${u.leadIn ?? ''}`, input.resolvedQuestion, plain) : null;
        if (outside) said.unshift(outside);
        // A second statement only while the answer still fits one screen; otherwise its article
        // is still named under "Xem thêm" below rather than dropped from the answer.
        if (i > 0 && wordCount([...lines, ...said]) > WORD_BUDGET) return;
        citations.push(c);
        stated.push(u);
        lines.push(...said);
      });
      // Her other questions in the message: the rule for each one the statements above do not give.
      for (const also of input.alsoAsked ?? []) {
        const read = readUnits(also.hits, also.question, also.termWeights, also.termSpellings, also.topics ?? [], false);
        const u = pickLeads(read.scored, read.wants)[0];
        const plain = u && u.score > 0 ? plainOf(u) : null;
        if (!u || !plain || stated.some((s) => (s.hit.chunkId === u.hit.chunkId && s.clause === u.clause) || plainOf(s) === plain)) continue;
        // Found for the message as a whole too: a question that leans on the others ("thủ tục nộp ở
        // đâu") read alone finds articles about something else.
        if (!input.hits.some((h) => h.document.id === u.hit.document.id && h.article === u.hit.article)) continue;
        const c = citationOf(u.hit, u.clause, u.point, u.continuation ? `${u.text} ${u.continuation}` : u.text);
        citations.push(c);
        stated.push(u);
        lines.push(render('offline-also-asked.vi.txt', { question: askedLabel(also.question), statement: plain, citation: citationLabel(c) }));
      }
      lines.push(
        ...documentNotes(
          stated.map((u) => u.hit),
          new Set(input.inForceThen ?? []),
        ),
      );
    } else {
      lines.push(render('no-answer.vi.txt'));
    }

    // The next step of the article that answered (its statement's), else of the best article.
    const answered = stated[0]?.hit ?? input.hits[0];
    const step = whatToDo(input.topics ?? [], answered?.document.number ?? null, input.legalAidPhone, answered?.article ?? null);
    if (leads.length && step) lines.push(render('offline-what-to-do.vi.txt', { step }));

    // Other articles found, and the article saying where to report: named, cited, not quoted.
    // An article stated for another of her questions came from that question's own search: the same
    // article found for the message is the same article, not one more to name.
    const used = new Set(stated.map((u) => u.hit));
    const statedArticles = new Set(stated.filter((u) => u.hit.article).map((u) => `${u.hit.document.id}#${u.hit.article}`));
    const more = [...input.hits.slice(0, MAX_SEE_ALSO + 1), ...input.nextSteps.slice(0, 1)].filter(
      (h) => !used.has(h) && !(h.article && statedArticles.has(`${h.document.id}#${h.article}`)) && (h.article || h.heading),
    );
    const seeAlso = [...new Set(more)].slice(0, MAX_SEE_ALSO).map((h) => {
      const c = cite(h, h.clause, null, firstLine(h, h.clause));
      const title = h.articleTitle ? shortTitle(h.articleTitle) : null;
      return title ? `${citationLabel(c)} (${title})` : citationLabel(c);
    });
    if (leads.length && seeAlso.length) lines.push(render('offline-see-also.vi.txt', { items: seeAlso.join('; ') }));
    // The closing line (not a lawyer's advice, legal aid) is the composer's, as for every answer.

    const answer = lines.join('\n');
    if (onToken) for (const line of lines) onToken(`${line}\n`);
    return { answer, citations, fallback: false };
  }
}

/**
 * Her question's units, scored by what she asks (intent.ts and the readings beside it), with what
 * she asks and the ages she names: for the message, and for each of her other questions.
 */
function readUnits(
  hits: ArticleHit[],
  question: string,
  termWeights: Record<string, number>,
  termSpellings: AnswerInput['termSpellings'],
  topics: string[],
  emergency: boolean,
): { scored: Unit[]; wants: Want[]; ages: number[] } {
  const ages = agesNamed(question);
  // How she asks is read in standard words, shorthand and regional forms as retrieval reads them
  // ("nộp đơn ở mô" asks where, "bị phạt bn" how much).
  const asked = standardWords(question);
  const wants = answerWants(asked);
  const scored = scoreUnits(hits, termWeights, wants, termSpellings, {
    emergency,
    ages,
    pregnancyWeeks: pregnancyWeeksNamed(question),
    contributionMonths: contributionMonthsNamed(question),
    contractMonths: contractMonthsNamed(question),
    periods: periodsNamed(question),
    undoAsked: asksUndoing(question),
    manNamed: namesMan(question),
    childNamed: namesChild(question),
    sickOrCareNamed: namesSickOrCare(question),
    foreignNamed: mentionsForeign(question),
    surrogacyNamed: namesSurrogacy(question),
    noWill: saysNoWill(question),
    laterKinNamed: namesLaterKin(question),
    inheritanceAsked: asksAboutInheritance(question, topics),
    widowed: widowedNotDivorced(question),
    birthNotIllness: asksBirthNotIllness(question),
    illnessNotBirth: asksIllnessNotBirth(question),
    voluntaryNamed: namesVoluntary(question),
    divorceNamed: namesDivorce(question, topics),
    adoptionNamed: namesAdoption(question),
    childSupportOnly: asksChildSupportOnly(question),
    courtCaseNamed: namesCourtCase(question),
    registeredSpouse: namesRegisteredSpouse(question),
    noInsurance: namesNoInsurance(question),
    noManyInSupport: namesNoMany(question),
    fineAlone: asksFineAlone(asked, wants),
    unit: unitAsked(asked),
    // Asked which persons, she asks for the list of them (persons.ts).
    listAsked: asksList(asked) || asksPersons(asked),
    negated: negatedByHer(question),
    personsAsked: asksPersons(asked),
    exclusionAsked: asksExclusion(asked),
    meaningAsked: asksMeaning(asked),
    entitlementAsked: asksEntitlement(asked),
    permissionAsked: asksPermission(asked),
    validityAsked: asksValidity(asked),
    countsAsName: countsAsNamed(asked),
  });
  return { scored, wants, ages };
}

/** The best unit of an article she named: of the khoản she named if it has one, else of the article. */
function namedUnit(units: Unit[], named: readonly { chunkId: number; clause: string | null }[]): Unit | null {
  for (const n of named) {
    const own = units.filter((u) => u.hit.chunkId === n.chunkId);
    const inClause = n.clause ? own.filter((u) => u.clause === n.clause) : [];
    const pick = (inClause.length ? inClause : own).sort((a, b) => b.score - a.score || a.order - b.order)[0];
    if (pick) return pick;
  }
  return null;
}

/**
 * The best unit, and a second one when it answers nearly as well and says something else. A
 * `pinned` first unit (the article she named) leads whatever its score.
 */
function pickLeads(ranked: Unit[], wants: Want[] = [], pinned = false, otherCase: (u: Unit) => boolean = () => false): Unit[] {
  const best = ranked[0];
  if (!best) return [];
  if (best.score <= 0 && pinned) return [best];
  if (best.score <= 0) {
    // Nothing overlaps: the top article's plain sentence and first unit rather than nothing.
    const first = ranked.filter((u) => u.hitRank === 0).sort((a, b) => a.order - b.order)[0];
    return first ? [first] : [];
  }
  const leads = [best];
  const said = new Set([plainOf(best)]);
  // Without a plain sentence the lead is a long quotation already: a second would bury the answer.
  if (said.has(null)) return leads;
  // She asks where and the first statement names no place: the best one that does, if not far
  // behind, comes with it ("đổi tên cho con ở đâu": the commune, Hộ tịch Điều 27). Only where: "khi
  // nào thì chia theo pháp luật" asks in which cases, and a khoản stating a time limit does not say.
  const place = (u: Unit) => fitsWants(`${u.text} ${u.meaning ?? ''} ${u.leadIn ?? ''}`, ['where']) === 1;
  // She asks only where or whom: the khoản naming the office, court or hotline leads, the rule second.
  if (wants.includes('where') && wants.every((w) => w === 'where' || w === 'who') && !saysWhere(best)) {
    const there = ranked.find(
      (u) =>
        u.score >= best.score * WHERE_LEAD_RATIO && plainOf(u) !== null && !said.has(plainOf(u)) && namesOffice(u) && !OWN_MOTION.test(u.text) && !otherCase(u),
    );
    if (there) return [there, best];
  }
  if (wants.includes('where') && !place(best)) {
    const there = ranked.find((u) => {
      const plain = plainOf(u);
      return u.score >= best.score * WHERE_SECOND_RATIO && plain !== null && !said.has(plain) && place(u);
    });
    if (there) return [best, there];
  }
  for (const u of ranked.slice(1)) {
    if (leads.length >= MAX_LEADS || u.score < best.score * SECOND_LEAD_RATIO) break;
    const plain = plainOf(u);
    // Same sentence, or the same khoản again: nothing new for her.
    if (said.has(plain) || leads.some((l) => l.hit === u.hit && l.clause === u.clause)) continue;
    said.add(plain);
    leads.push(u);
  }
  return leads;
}

/**
 * Provincial plans are not binding law; replaced texts are history — except a text in force when the
 * act she dates was done (`inForceThen`, retrieval/act-time.ts): that act is still judged by it. Said
 * once per document.
 */
function documentNotes(hits: ArticleHit[], inForceThen: ReadonlySet<string>): string[] {
  const notes = new Set<string>();
  for (const h of hits) {
    const d = h.document;
    if (!d.binding) notes.add(render('offline-plan-note.vi.txt', { name: d.name }));
    if (d.status === 'expired' || d.status === 'replaced') {
      const status = d.status === 'replaced' ? 'đã được thay thế' : 'đã hết hiệu lực';
      notes.add(render(inForceThen.has(d.id) ? 'offline-then-note.vi.txt' : 'offline-expired-note.vi.txt', { name: d.name, status }));
    }
  }
  return [...notes];
}

/** The khoản's line (or the article's first body line), for a citation that is named, not quoted. */
function firstLine(hit: ArticleHit, clause: string | null): string {
  const body = hit.text.split('\n').slice(hit.article ? 1 : 0);
  const line = (clause && body.find((l) => l.startsWith(`${clause}. `))) || body[0] || hit.text;
  return line.replace(/^\d+[a-zđ]?\.\s+/u, '');
}

/**
 * An article's title as a hint of what it is about: some run to thirty words ("Các hành vi vi phạm
 * pháp luật về bình đẳng giới trong lĩnh vực chính trị, kinh tế, lao động, …"), which on a phone
 * would make "Xem thêm" longer than the answer.
 */
function shortTitle(title: string): string {
  const words = title.split(/\s+/);
  return words.length <= TITLE_WORDS
    ? title
    : `${words
        .slice(0, TITLE_WORDS)
        .join(' ')
        .replace(/[,;:]$/, '')}…`;
}

/** Her question as the answer names it: its first words, so that she sees which one is answered. */
const ASKED_WORDS = 10;
function askedLabel(question: string): string {
  const words = question.trim().split(/\s+/);
  return words.length <= ASKED_WORDS ? words.join(' ') : `${words.slice(0, ASKED_WORDS).join(' ')}…`;
}

function wordCount(lines: string[]): number {
  return lines.join(' ').split(/\s+/).filter(Boolean).length;
}

function trimQuote(text: string): string {
  const t = text.trim();
  if (t.length <= MAX_QUOTE_CHARS) return t;
  const cut = t.slice(0, MAX_QUOTE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUOTE_CHARS - 40))}…`;
}
