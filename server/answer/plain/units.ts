import { foldedSyllablesOf } from '../../../ingest/text/vietnamese.js';
import type { ArticleHit } from '../../retrieval/retriever.js';
import { spelledAsTyped, spellingSet, type TermSpellings } from '../../retrieval/spellings.js';
import { memoByText } from '../memo.js';
import { statesAgeNamed, statesPregnancyNamed } from './ages.js';
import { statesContributionNamed } from './contributions.js';
import { statesContractNamed } from './contract.js';
import { statesPeriodNamed, type Period } from './period.js';
import { OTHER_CASE, otherCaseFactor, type CaseReading } from './case-rules.js';
import { statesValidity } from './validity.js';
import { statesExclusion } from './exclusion.js';
import { classifiesPersons, definesWords, titleNamesWhat } from './definition.js';
import { negatesToo } from './negation.js';
import { listsPersons } from './persons.js';
import { asksAnotherAnswer, asksSanction, fitsWants, statesPrison, statesSanction, wantsOf, type Want } from './intent.js';
import { noteAsksUndoing, statesUndoing } from './undo.js';

/**
 * The quotable pieces of retrieved articles (lead-in, khoản, điểm) with what members say about
 * each (its notes), scored against the question. A unit's plain-language sentence is its own
 * 'nghĩa' note, else its khoản's; the article's sentence stands in when the unit has none.
 */
export interface Unit {
  hit: ArticleHit;
  hitRank: number;
  clause: string | null;
  point: string | null;
  /** The law's own words for this unit (one line). */
  text: string;
  /** Plain-language sentence written for exactly this khoản/điểm, if any. */
  meaning: string | null;
  /**
   * For a điểm, or a line continuing a khoản, the khoản's own first line ("Phạt tiền từ … đối với
   * một trong các hành vi sau đây:", "Hình thức xử phạt bổ sung:").
   */
  leadIn: string | null;
  /**
   * For a khoản whose first line ends with ":" and goes on in plain lines, not điểm ("2. Biện pháp
   * khắc phục hậu quả:" then "Buộc thực hiện nghĩa vụ …"): those lines, so that a quote of the
   * khoản says what it orders rather than stopping at its colon.
   */
  continuation?: string;
  order: number;
  score: number;
}

/**
 * How much the retriever's order counts: the first article is the one the whole question fits.
 * Measured on held-out member phrasings (`scripts/ranking-proxies.ts --only answers`, 1,791 whose
 * article retrieval ranked first to third): with 0.75 and 0.6 for the runners-up, an answer left
 * retrieval's right first article for another 14 % of the time and led with a runner-up that was
 * right 7 % of the time; with 0.5 and 0.35, 6 % and 3 % — 65 more answers lead with the phrasing's
 * article, 0.580 → 0.625 with its khoản. Dev leads with gold 87.4 % → 86.2 % (one question, whose
 * "say xỉn" folds into the "xin lỗi" of a decree's remedy); blind unchanged.
 */
const RANK_PRIOR = [1, 0.5, 0.35];
/**
 * And how far behind the first it scored: a runner-up far behind is unlikely to be what she asked
 * even when one of its khoản shares more of her words.
 */
const SCORE_GAP_EXP = 1;
/**
 * How much the closest member ask of a khoản counts beside its own words and plain sentence. On
 * held-out member phrasings (`scripts/ranking-proxies.ts --only answers`: each phrasing's own row
 * deleted, as an unseen question's is absent), the answer's khoản was the phrasing's in 0.621 of
 * cases at 0.6, 0.658 at 0.5, 0.683 at 0.4, 0.715 at 0.3, 0.732 at 0.2, and its article 0.937 →
 * 0.951; dev leads and cites unchanged. An ask is one angle on a khoản, its sentence says all of it.
 */
const ASK_SHARE = 0.3;
/** A unit that gives the kind of answer asked (a duration for "bao lâu") is worth this much more. */
const WANT_BONUS = 0.6;
/**
 * A sentence stating a fine or prison when she did not ask what happens to the wrongdoer, or one
 * stating none when she did. Below the runner-up's prior, so that the rule second in retrieval
 * leads before the fine first in it, and the other way round.
 */
const SANCTION_UNASKED = 0.4;
/**
 * Asked no sanction, an article whose first khoản states one (a decree's fine, the Criminal Code's
 * offence) takes no place in retrieval's order for the rule behind it: "ck cũ ko gửi tiền nuôi con
 * mấy tháng nay, e phải làm sao" finds the decree's fine and the offence of refusing support before
 * HN&GĐ Điều 110, which counted as a third article (0.35, below the fine's 0.4); "con 14 tuổi xin
 * đi phụ quán ăn" found two sexual offences against a child of 13 to 16 before the Labour Code's
 * rule on workers under 15. Measured on held-out member phrasings it costs seven of 1,201 whose
 * article was first (0.946 → 0.940: a decree's asks telling the act alone, and "hiếp dâm trẻ em
 * làm cháu có thai" now told Nghị định 56's definition before BLHS Điều 142); counting only fines,
 * not the Criminal Code, cost five and left the first question with the fine
 * (docs/history/offline-answer.md, stop 52).
 */
function sanctionFirst(units: readonly Unit[], fullOf: (u: Unit) => string): boolean {
  const first = units[0];
  return first !== undefined && statesSanction(fullOf(first));
}
/**
 * Asked about prison ("có bị đi tù không") when one of the articles considered states it (the
 * Criminal Code's offence, often third in retrieval behind the family law's rule and a decree's
 * fine): a khoản stating none counts this much, below the third article's prior (0.35), so the
 * offence leads.
 */
const PRISON_UNSTATED = 0.1;
/** A khoản that sentences to prison (the Criminal Code's "phạt tù từ …"), not one naming criminal liability. */
const IMPOSES_PRISON = /phạt tù|tù có thời hạn|tù chung thân|cải tạo không giam giữ|tử hình/iu;
/**
 * A unit stating an age range that holds the age she names (ages.ts) is worth this much more, and
 * one stating only other ages, beside one that holds hers, this much less. Chosen on questions
 * naming a child's age (custody, adoption, work, marriage); dev leads and the held-out phrasings'
 * khoản (0.718 → 0.719) did not fall, at 0.5 either; 0.5 alone left "con em mới 18 tháng" with
 * the khoản on children from 7 years.
 */
const AGE_BONUS = 0.8;
const AGE_OTHER = 0.7;
/**
 * And when any article considered states a range holding her age, a khoản stating no age at all
 * counts this much, as the persons' rule counts the others (PERSONS_OTHER): "cháu gái 17 tuổi, dì
 * ruột muốn nhận làm con nuôi" is told Nuôi con nuôi Điều 8 khoản 2 (from 16 to 18, by an aunt),
 * not Điều 5's order of priority, which retrieval ranks first. At 0.8 three of the four questions it
 * moves to gold stay; at 0.6 a probe-4 question leaves gold (held-out runner-ups 0.060 / 0.059 / 0.062).
 */
const AGE_NONE = 0.7;
/**
 * A khoản undoing what she asks how to get (revoking the order she asks for, an exception: undo.ts)
 * when she does not ask about undoing.
 */
const UNDO_UNASKED = 0.6;
/**
 * A list of cases excluded, or one of them (exclusion.ts), when she names none of its cases: as a
 * rule for another case (case-rules.ts). She names its case when her words it holds (its own words,
 * plain sentence and asks) and no other unit of its article holds weigh at least
 * EXCLUSION_CASE_SHARE of her question — read from the articles considered, not from her words
 * alone, so it stays out of the case-rules table.
 */
const EXCLUSION_UNNAMED = OTHER_CASE;
const EXCLUSION_CASE_SHARE = 0.1;
/**
 * A khoản of an article of definitions when she does not ask what a word means and another article
 * considered states a rule (definition.ts): below the runner-up's prior over the first's, so the
 * rule second in retrieval leads when it holds her case about as well.
 */
const DEFINITION_UNASKED = 0.6;
/** The same when she asks what she gets (definition.ts, asksEntitlement): no definition gives anything. */
const DEFINITION_ENTITLEMENT = OTHER_CASE;
/**
 * Asked whether her case counts as what the law names ("có tính là bạo lực gia đình không"), a unit
 * of an article not titled for it when another considered is (definition.ts, titleNamesWhat).
 */
const COUNTS_AS_OTHER = OTHER_CASE;
/**
 * A khoản that says not done what she says did not happen (negation.ts). Measured against 0: held-out
 * phrasings' answers stating their khoản 0.726 → 0.730 (their article 0.959 → 0.957), probe 7 leading
 * with gold 78.4 → 78.9 %; dev and probe 1 unchanged; 0.6 the same as 0.3.
 */
const NEGATED_TOO_BONUS = 0.3;
/**
 * Asked who (persons.ts): a unit naming the persons by kin is worth this much more and, when one of
 * the articles considered has one, the others this much less — as the khoản for her age is.
 */
const PERSONS_BONUS = 0.8;
const PERSONS_OTHER = 0.6;
/** A khoản setting a period of paying she has not reached: her answer, a little less surely than one she has. */
const CONTRIBUTION_BELOW_BONUS = 0.6;
/**
 * A unit capping an amount only by other periods than the one she names ("300 giờ trong 01 năm"
 * when she asks about a month), when another unit considered caps it by hers (period.ts).
 */
const PERIOD_OTHER = 0.6;
/**
 * A khoản of a long article outside the chunk retrieval found it by (ArticleHit.foundBy: the hit is the
 * whole article, index/whole-article.ts): her words chose that chunk, so its khoản come first unless
 * another holds her case clearly better — "hợp đồng 2 tháng có phải đóng bảo hiểm bắt buộc không" is
 * BHXH Điều 2 khoản 1 điểm a (from 01 month), though the chunk she matched holds điểm l–n. Measured
 * over dev, probes 1–10 and reviews 43–47 (the hit's own khoản, for its 1.1 above, still read in the
 * found chunk): at 0.5 two answers moved, both to the khoản that answers (a contract of two months,
 * r47-w34's of three), none away from it. Counted like the others at 1 (and the hit's khoản read over
 * the whole article) six moved, three to a worse khoản: a contract term read in another branch of the
 * rule, a certificate she says she has not got, a decree's scope instead of its rule.
 */
const OUTSIDE_FOUND = 0.5;
/** Share of an article-level ask's words a unit must hold for the ask to be taken as about it. */
const ALIGN_MIN_SHARE = 0.35;
/**
 * Lines and phrasings whose words are kept between answers (a few KB each, so at most ~20 MB):
 * the articles of a few hundred questions; the bundled library has ~6,400 distinct lines and
 * ~7,200 member notes, of which an answer reads those of its first three articles.
 */
const WORDS_KEPT = 5_000;

export function unitsOf(hit: ArticleHit, hitRank: number): Unit[] {
  const units: Unit[] = [];
  let clause: string | null = null;
  let leadIn: string | null = null;
  // The khoản whose first line ends with ":" and has had no điểm yet: plain lines go on from it.
  let open: Unit | null = null;
  const lines = hit.text.split('\n');
  // Plan sections and other non-article chunks have no "Điều" heading line to skip.
  const body = hit.article ? lines.slice(1) : lines.slice(1).length ? lines.slice(1) : lines;
  const meaning = (c: string | null, p: string | null) => hit.notes?.find((n) => n.kind === 'meaning' && n.clause === c && n.point === p)?.text ?? null;
  for (const line of body) {
    const cm = /^(\d+[a-zđ]?)\.\s+(.*)$/u.exec(line);
    const pm = /^([a-zđ]\d?)\)\s*(.*)$/u.exec(line);
    if (hit.article && cm) {
      clause = cm[1]!;
      leadIn = cm[2]!;
      const u: Unit = { hit, hitRank, clause, point: null, text: cm[2]!, meaning: meaning(clause, null), leadIn: null, order: units.length, score: 0 };
      units.push(u);
      open = /:\s*$/u.test(u.text) ? u : null;
    } else if (hit.article && pm && clause) {
      open = null;
      units.push({ hit, hitRank, clause, point: pm[1]!, text: pm[2]!, meaning: meaning(clause, pm[1]!), leadIn, order: units.length, score: 0 });
    } else {
      // A line continuing a khoản ("4. Hình thức xử phạt bổ sung:" then "Tịch thu tang vật…") is
      // read with its khoản's first line: it is that khoản's sanction, remedy or condition.
      const within = Boolean(hit.article && clause);
      if (within && open) open.continuation = open.continuation ? `${open.continuation} ${line}` : line;
      units.push({
        hit,
        hitRank,
        clause: hit.article ? clause : null,
        point: null,
        text: line,
        meaning: null,
        leadIn: within ? leadIn : null,
        order: units.length,
        score: 0,
      });
    }
  }
  // An article without khoản ("Ủy ban nhân dân cấp xã … có thẩm quyền …") is said by its own plain
  // sentence, which is then scored as a khoản's is: its words are the article's in a member's.
  if (hit.article && units.every((u) => u.clause === null)) {
    const whole = meaning(null, null);
    for (const u of units) u.meaning = whole;
  }
  return units;
}

/** The article's own plain-language sentence (for the whole article). */
export function articleMeaning(hit: ArticleHit): string | null {
  return hit.notes?.find((n) => n.kind === 'meaning' && !n.clause)?.text ?? null;
}

/**
 * What is said for a unit: its own plain sentence, else its khoản's (a line continuing a khoản is
 * what that khoản's sentence says: "Tịch thu tang vật…" under "Hình thức xử phạt bổ sung"), else the
 * article's. Never another khoản's: the sentence must be about the khoản cited beneath it.
 */
export function plainOf(u: Unit): string | null {
  if (u.meaning) return u.meaning;
  const own = u.clause ? u.hit.notes?.find((n) => n.kind === 'meaning' && n.clause === u.clause && !n.point)?.text : undefined;
  return own ?? articleMeaning(u.hit);
}

/**
 * Scores each unit by the share of the question's weighted words it covers: in the best-matching
 * way members ask about that khoản (its 'hỏi' notes — a question close to one of them is the
 * strongest sign the khoản answers it) and in the law's own words of the unit; then the
 * retriever's order and whether the unit gives what was asked (a number of months, a place…).
 * An ask that also names things the question does not ("chồng" in a question about the mother)
 * counts for less. A word she typed with dấu counts only where the text spells it so (`spellings`:
 * "say xỉn" is not the "xin lỗi" of a remedy).
 */
export function scoreUnits(
  hits: ArticleHit[],
  weights: Record<string, number>,
  wants: Want[],
  spellings?: TermSpellings,
  opts: CaseReading & {
    consider?: number;
    emergency?: boolean;
    ages?: readonly number[];
    pregnancyWeeks?: readonly number[];
    /** Months of paying social insurance she names (contributions.ts). */
    contributionMonths?: readonly number[];
    /** Terms of a labour contract she names, in months (contract.ts). */
    contractMonths?: readonly number[];
    /** Periods she names as a rate ("mỗi tháng", "tháng nào cũng": period.ts). */
    periods?: ReadonlySet<Period>;
    undoAsked?: boolean;
    fineAlone?: boolean;
    unit?: string | null;
    /** She asks for a list (intent.asksList). */
    listAsked?: boolean;
    /** The acts she says did not happen (negation.ts). */
    negated?: ReadonlySet<string>;
    /** She asks about the cases excluded ("trường hợp nào không được hưởng": exclusion.ts). */
    exclusionAsked?: boolean;
    /** She asks what a word means ("… là gì": definition.ts). */
    meaningAsked?: boolean;
    /** She asks what she gets ("có được hỗ trợ … không": definition.ts). */
    entitlementAsked?: boolean;
    /** She asks whether an act is allowed ("… có được không", "có sai luật không": definition.ts). */
    permissionAsked?: boolean;
    /** She asks whether a paper or an act holds in law ("có giá trị không": validity.ts). */
    validityAsked?: boolean;
    /** The name she asks whether her case counts as ("có tính là bạo lực gia đình không": definition.ts). */
    countsAsName?: string | null;
  } = {},
): Unit[] {
  const consider = opts.consider ?? 3;
  if (!hits.length) return [];
  const total = Object.values(weights).reduce((a, b) => a + b, 0) || 1;
  const matches = (t: string, text: string) => Boolean(weights[t]) && spelledAsTyped(t, spellings, spelledIn(text));
  const covered = (words: ReadonlySet<string>, text: string) => {
    let s = 0;
    for (const t of words) if (matches(t, text)) s += weights[t]!;
    return s / total;
  };
  const top = hits[0]!.score;
  const sanctionAsked = asksSanction(wants);
  const prisonAsked = wants.includes('prison');
  const undoAsked = opts.undoAsked ?? false;
  const considered = hits.slice(0, consider).filter((h) => h.score >= top * 0.55);
  const all: Unit[] = [];
  // Each considered article's units, cut once: the signals over all of them and the scoring read them.
  const unitsByArticle = considered.map((h, rank) => unitsOf(h, rank));
  // A unit's whole text: its words, its plain sentence and the lead-in its điểm continues.
  const fullOf = (u: Unit) => `${u.text} ${u.meaning ?? ''} ${u.leadIn ?? ''}`;
  const personsOf = (u: Unit) => listsPersons(fullOf(u));
  // Asked about prison, whether any article considered states it; asked who, whether any names the persons.
  const prisonStated = prisonAsked && unitsByArticle.some((units) => units.some((u) => statesPrison(fullOf(u))));
  const personsListed = Boolean(opts.personsAsked) && unitsByArticle.some((units) => units.some(personsOf));
  // What each unit states of the age she names, read once; whether any article considered states a
  // range holding hers (AGE_NONE).
  const ageOf = rangesOf(unitsByArticle.flat(), opts.ages, statesAgeNamed, fullOf);
  const ageHeld = ageOf !== null && [...ageOf.values()].includes('holds');
  // What each unit caps by the periods she names; whether any caps by hers (PERIOD_OTHER).
  const periods = opts.periods;
  const periodOf = periods?.size ? new Map(unitsByArticle.flat().map((u) => [u, statesPeriodNamed(fullOf(u), periods)])) : null;
  const periodHeld = periodOf !== null && [...periodOf.values()].includes('holds');
  // How well one ask matches the question depends on its text alone: scored once per search.
  const askScores = new Map<string, number>();
  const askScore = (text: string) => {
    let v = askScores.get(text);
    if (v === undefined) {
      const words = wordsOf(text);
      let matched = 0;
      for (const t of words) if (matches(t, text)) matched++;
      // Extra words of the ask that the question lacks dilute the match.
      v = covered(words, text) * (matched / Math.max(1, words.size)) ** 0.3;
      askScores.set(text, v);
    }
    return v;
  };
  const alignedByArticle = considered.map((h, rank) => alignArticleAsks(h, unitsByArticle[rank]!));
  // Each article's place for RANK_PRIOR: asked no sanction, the sanction articles before it do not count.
  const skipped = unitsByArticle.map((units) => !sanctionAsked && opts.emergency !== true && sanctionFirst(units, fullOf));
  const priorRank = skipped.map((skip, rank) => (skip ? rank : rank - skipped.slice(0, rank).filter(Boolean).length));
  // Whether an article considered states a rule rather than defining words (DEFINITION_UNASKED).
  const ruleConsidered = considered.some((h) => !definesWords(h.articleTitle));
  // Which articles considered say who belongs to a group (definition.ts, classifiesPersons), and
  // whether another states a rule: asked what she gets, a classification gives nothing.
  // Asked whether her case counts as what the law names: which articles considered are titled for it
  // (definition.ts, titleNamesWhat). When one is and another is not, another stating a rule counts
  // COUNTS_AS_OTHER.
  const countsAs = opts.countsAsName ? considered.map((h) => titleNamesWhat(h.articleTitle, opts.countsAsName!)) : [];
  const countsAsSplit = countsAs.includes(true) && countsAs.includes(false);
  // Read only when one of the two questions needs it (most answers ask neither).
  const classifies =
    opts.entitlementAsked || countsAsSplit
      ? considered.map((h, rank) =>
          classifiesPersons(
            h.articleTitle,
            unitsByArticle[rank]!.filter((u) => u.clause && !u.point).map((u) => u.text),
          ),
        )
      : considered.map(() => false);
  const giverConsidered = considered.some((h, rank) => !definesWords(h.articleTitle) && !classifies[rank]);
  const caseNamed = opts.exclusionAsked
    ? new Map<Unit, boolean>()
    : exclusionCaseNamed(considered, unitsByArticle, alignedByArticle, (words, text) => covered(words, text));
  considered.forEach((h, rank) => {
    const units = unitsByArticle[rank]!;
    const aligned = alignedByArticle[rank]!;
    const clauseAsks = (h.notes ?? []).filter((n) => n.kind === 'ask' && n.clause);
    // Which units state an age range holding an age she names; when one does, the others stating
    // only other ages are another branch of the rule ("từ đủ 07 tuổi" for a child of 2). When none
    // does, a range she is outside may be the answer itself ("nữ từ đủ 18 tuổi" for a girl of 15).
    // The same for how far along a pregnancy she names is ("sảy thai 4 tháng": "từ đủ 13 tuần tuổi
    // đến dưới 22 tuần tuổi", not "từ đủ 22 tuần tuổi trở lên").
    const ageFit = rangeFit(units, ageOf);
    const pregnancyFit = rangeFit(units, rangesOf(units, opts.pregnancyWeeks, statesPregnancyNamed, fullOf));
    // And the term of the contract she names ("hợp đồng 1 năm": "từ 12 tháng đến 36 tháng").
    const contractFit = rangeFit(units, rangesOf(units, opts.contractMonths, statesContractNamed, fullOf));
    for (const u of units) {
      const asks = [...(u.clause ? clauseAsks.filter((n) => n.clause === u.clause && (!n.point || n.point === u.point)) : []), ...(aligned.get(u) ?? [])];
      let ask = 0;
      // An ask for another kind of answer than hers says her situation, not her question
      // (retrieval's head order reads it the same way, rank/head.ts).
      // So does an ask about undoing ("muốn rút lại lệnh cấm") when she asks how to get it.
      for (const a of asks) if (!asksAnotherAnswer(askWants(a.text), wants) && (undoAsked || !askUndoes(a.text))) ask = Math.max(ask, askScore(a.text));
      // A điểm inherits its khoản's asks only partly: they may be about another điểm.
      if (u.point && !asks.some((a) => a.point === u.point)) ask *= 0.7;
      const own = `${u.text} ${u.meaning ?? ''}`;
      const text = covered(wordsOf(own), own);
      let s = ASK_SHARE * ask + (1 - ASK_SHARE) * text;
      s *= (RANK_PRIOR[priorRank[rank]!] ?? 0.5) * Math.max(0, h.score / top) ** SCORE_GAP_EXP;
      if (h.clause && u.clause === h.clause) s *= 1.1;
      // A khoản of a long article outside the chunk retrieval found it by (OUTSIDE_FOUND).
      if (h.foundBy !== undefined && !h.foundBy.includes(u.text)) s *= OUTSIDE_FOUND;
      // A lead-in that ends with ":" says little on its own ("… bao gồm:"), unless its plain
      // sentence says what its điểm do ("tối đa 10 ngày nếu thai dưới 5 tuần, 20 ngày …").
      if (/:\s*$/.test(u.text) && !u.point && !u.meaning) s *= 0.6;
      const full = fullOf(u);
      s *= 1 + WANT_BONUS * fitsWants(full, wants, opts.unit ?? null) - (wants.length ? WANT_BONUS / 2 : 0);
      // Asked whether it holds in law: the unit saying when it is lawful, valid or void (validity.ts).
      // As for a kind of answer asked (fitsWants): the others count less. An article titled for it
      // ("Di chúc hợp pháp") states it in every khoản: the one for a person who cannot read as well
      // as the one listing the general conditions.
      if (opts.validityAsked) s *= statesValidity(full) || statesValidity(h.articleTitle ?? '') ? 1 + WANT_BONUS : 1 - WANT_BONUS / 2;
      // The khoản for the age she names ("con 2 tuổi": "dưới 36 tháng tuổi", not "từ đủ 07 tuổi").
      s *= ageFit(u) * pregnancyFit(u) * contractFit(u);
      if (ageHeld && ageOf.get(u) === 'none') s *= AGE_NONE;
      // The cap for the period she names ("mỗi tháng": 40 giờ trong 01 tháng, not 300 giờ trong 01 năm).
      if (periodHeld && periodOf.get(u) === 'other') s *= PERIOD_OTHER;
      // Asked who: the khoản listing the persons, not the one saying when ("ai được hưởng thừa kế").
      if (personsListed) s *= personsOf(u) ? 1 + PERSONS_BONUS : PERSONS_OTHER;
      // The khoản setting a period of paying, when she names hers ("đóng bhxh được 5 tháng"): the
      // one she reaches answers yes, the one she does not still answers her (not yet).
      if (opts.contributionMonths?.length) {
        const fit = statesContributionNamed(full, opts.contributionMonths);
        if (fit !== 'none') s *= 1 + (fit === 'holds' ? AGE_BONUS : CONTRIBUTION_BELOW_BONUS);
      }
      // What happens to the wrongdoer leads when, and only when, she asks about it — prison when
      // she asks about prison.
      // In an emergency she asks nothing of the sort: a decree's remedy ("Buộc chi trả chi phí khám")
      // is no first word on what is happening to her either.
      const states = prisonAsked ? fitsWants(full, ['prison']) === 1 : statesSanction(full) || (opts.emergency === true && isRemedy(u));
      if (sanctionAsked !== states) s *= prisonStated ? PRISON_UNSTATED : SANCTION_UNASKED;
      // A fine asked for alone ("có phạt hành chính được không"): a sentence of prison is not her
      // answer; a rule that only names criminal liability beside the fine ("xử phạt vi phạm hành
      // chính hoặc truy cứu trách nhiệm hình sự") still is.
      else if (opts.fineAlone && IMPOSES_PRISON.test(full)) s *= SANCTION_UNASKED;
      // Revoking or excepting from what she asks how to get ("hủy bỏ quyết định cấm tiếp xúc").
      if (!undoAsked && undoes(full)) s *= UNDO_UNASKED;
      // A rule on the act she says did not happen, said as not done (negation.ts).
      if (opts.negated && negatesToo(full, opts.negated)) s *= 1 + NEGATED_TOO_BONUS;
      // A rule for a case she does not have: the husband's, a surrogate's, a sick child's… (case-rules.ts).
      s *= otherCaseFactor(
        {
          text: u.text,
          leadIn: u.leadIn,
          articleTitle: h.articleTitle,
          inheritance: h.inheritance === true,
          divorce: h.divorce === true,
          documentTitle: h.document.title,
        },
        opts,
      );
      // A case excluded she does not name ("nghỉ ốm 1 tuần có được hưởng không": not the sick days during maternity leave).
      if (caseNamed.get(u) === false) s *= EXCLUSION_UNNAMED;
      // What a word means, when she asks whether her case is so ("có tính là bạo lực gia đình không").
      if (!opts.meaningAsked && ruleConsidered && definesWords(h.articleTitle))
        s *= opts.entitlementAsked || opts.permissionAsked ? DEFINITION_ENTITLEMENT : DEFINITION_UNASKED;
      // Who belongs to a group, when she asks what she gets and another article considered gives.
      else if (opts.entitlementAsked && !opts.meaningAsked && giverConsidered && classifies[rank]) s *= DEFINITION_ENTITLEMENT;
      // Asked whether her case counts as what an article considered is titled for, another article.
      // An article saying itself who counts (definitions, a group's members) is not such a rule.
      if (countsAsSplit && !countsAs[rank] && !definesWords(h.articleTitle) && !classifies[rank]) s *= COUNTS_AS_OTHER;
      u.score = s;
      all.push(u);
    }
  });
  if (opts.listAsked) listedWhole(all);
  return all.sort((a, b) => b.score - a.score);
}

/**
 * For each unit listing cases excluded (exclusion.ts), whether she names its case: her words its own
 * words, plain sentence and asks hold, and no other unit of the articles considered (nor their titles
 * and plain sentences) holds, weigh at least EXCLUSION_CASE_SHARE of her question. Words every rule on
 * the matter shares ("bảo hiểm xã hội", "tiền ốm", "được hưởng") name no case.
 */
function exclusionCaseNamed(
  hits: readonly ArticleHit[],
  unitsByArticle: readonly Unit[][],
  alignedByArticle: readonly Map<Unit, { text: string; point: string | null }[]>[],
  covered: (words: ReadonlySet<string>, text: string) => number,
): Map<Unit, boolean> {
  const out = new Map<Unit, boolean>();
  const excluded = new Set(unitsByArticle.flat().filter((u) => statesExclusion(u.text, u.leadIn)));
  if (!excluded.size) return out;
  const unitWords = (u: Unit, rank: number) => {
    const asks = (hits[rank]!.notes ?? []).filter((n) => n.kind === 'ask' && n.clause === u.clause && n.clause && (!n.point || n.point === u.point));
    return [u.text, u.meaning ?? '', ...asks.map((n) => n.text), ...(alignedByArticle[rank]!.get(u) ?? []).map((n) => n.text)].join(' ');
  };
  const rest = new Set<string>();
  hits.forEach((h, rank) => {
    for (const t of wordsOf(h.articleTitle ?? '')) rest.add(t);
    // The article's plain sentence sums up its khoản, the excluded cases among them ("người đang đi
    // tù … thì không được nhận"): its words name no case only where no excluded unit of it holds them.
    const excludedHere = new Set(unitsByArticle[rank]!.filter((u) => excluded.has(u)).flatMap((u) => [...wordsOf(unitWords(u, rank))]));
    for (const t of wordsOf(articleMeaning(h) ?? '')) if (!excludedHere.has(t)) rest.add(t);
    for (const u of unitsByArticle[rank]!) if (!excluded.has(u)) for (const t of wordsOf(unitWords(u, rank))) rest.add(t);
  });
  unitsByArticle.forEach((units, rank) => {
    for (const u of units) {
      if (!excluded.has(u)) continue;
      const own = unitWords(u, rank);
      const only = new Set([...wordsOf(own)].filter((t) => !rest.has(t)));
      out.set(u, covered(only, own) >= EXCLUSION_CASE_SHARE);
    }
  });
  return out;
}

/**
 * Asked for a list ("nhận con nuôi cần điều kiện gì"), one điểm of it answers a part: the khoản
 * opening the list ("… phải có đủ các điều kiện sau đây:") answers whatever its best điểm answers,
 * and comes first (it precedes its điểm, and the sort is stable), quoted with its điểm and told by
 * its own plain sentence, else the article's.
 */
function listedWhole(all: Unit[]): void {
  for (const k of all) {
    if (k.point || !k.clause || !/:\s*$/u.test(k.text)) continue;
    const items = all.filter((u) => u.hit === k.hit && u.clause === k.clause && u.point);
    if (!items.length) continue;
    k.score = Math.max(k.score, ...items.map((u) => u.score));
    k.continuation ??= items
      .sort((a, b) => a.order - b.order)
      .map((u) => `${u.point}) ${u.text}`)
      .join(' ');
  }
}

type RangeVerdict = 'holds' | 'other' | 'none';

/** What each unit's whole text states of the values she names (null when she names none). */
function rangesOf(
  units: readonly Unit[],
  values: readonly number[] | undefined,
  states: (text: string, values: readonly number[]) => RangeVerdict,
  fullOf: (u: Unit) => string,
): Map<Unit, RangeVerdict> | null {
  return values?.length ? new Map(units.map((u) => [u, states(fullOf(u), values)])) : null;
}

/**
 * How a unit fits the ages she names: AGE_BONUS more for a unit stating a range that holds one;
 * when one does, AGE_OTHER for those stating only other ranges; 1 otherwise.
 */
function rangeFit(units: readonly Unit[], of: ReadonlyMap<Unit, RangeVerdict> | null): (u: Unit) => number {
  if (!of) return () => 1;
  const held = units.some((u) => of.get(u) === 'holds');
  return (u) => {
    const fit = of.get(u);
    return fit === 'holds' ? 1 + AGE_BONUS : fit === 'other' && held ? AGE_OTHER : 1;
  };
}

/**
 * Asks written for the whole article ("công ty đuổi việc vì có bầu" under Điều 137) still say
 * which khoản they are about: each goes to the unit whose words (and plain sentence) it shares
 * most of, when it shares enough; otherwise it stays with the article and tells no unit apart.
 */
function alignArticleAsks(hit: ArticleHit, units: Unit[]): Map<Unit, { text: string; point: string | null }[]> {
  const out = new Map<Unit, { text: string; point: string | null }[]>();
  const unitWords = units.map((u) => wordsOf(`${u.text} ${u.meaning ?? ''}`));
  for (const n of hit.notes ?? []) {
    if (n.kind !== 'ask' || n.clause) continue;
    const words = [...wordsOf(n.text)];
    let best = -1;
    let bestShare = 0;
    let tied = false;
    unitWords.forEach((w, i) => {
      const share = words.filter((t) => w.has(t)).length / Math.max(1, words.length);
      if (share > bestShare) [best, bestShare, tied] = [i, share, false];
      else if (share === bestShare && share > 0) tied = true;
    });
    // Shared as much with another unit, it tells none apart ("thử việc tối đa bao lâu": every
    // khoản of Điều 25 says "thử việc không quá …"); the first is no more its khoản than the others.
    if (best < 0 || bestShare < ALIGN_MIN_SHARE || tied) continue;
    const u = units[best]!;
    out.set(u, [...(out.get(u) ?? []), { text: n.text, point: u.point }]);
  }
  return out;
}

/** A penalty decree's remedy: a điểm under "Biện pháp khắc phục hậu quả", or a khoản ordering one ("Buộc …"). */
function isRemedy(u: Unit): boolean {
  return /^Biện pháp khắc phục hậu quả/u.test(u.leadIn ?? '') || /^Buộc\s/u.test(u.text);
}

/** A text's spellings, for the words she typed with dấu (shared between calls). */
const spelledIn = memoByText(spellingSet, WORDS_KEPT);

/** Whether a text of the law, or an ask, is about undoing (shared between calls). */
const undoes = memoByText(statesUndoing, WORDS_KEPT);
const askUndoes = memoByText(noteAsksUndoing, WORDS_KEPT);

/** What kind of answer each ask asks for (shared between calls). */
const askWants = memoByText((text: string): Want[] => wantsOf(text), WORDS_KEPT);

/** A text's folded syllables and adjacent pairs (shared between calls: never changed by callers). */
const wordsOf = memoByText((text: string): ReadonlySet<string> => {
  const syl = foldedSyllablesOf(text);
  const out = new Set(syl);
  for (let i = 0; i + 1 < syl.length; i++) out.add(syl[i]! + syl[i + 1]!);
  return out;
}, WORDS_KEPT);
