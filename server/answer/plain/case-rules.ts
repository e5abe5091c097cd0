import { statesAdoptionCase } from './adoption.js';
import { statesChildCase } from './child-case.js';
import { statesChildCareCase, statesSickChildCase } from './child-care.js';
import { statesPendingCase } from './court-case.js';
import { statesForeignCase } from './foreigner.js';
import { statesLaterRanks } from './heirs.js';
import { statesDivorceCase } from './widowed.js';
import { statesHusbandsRule } from './husband.js';
import { statesMaternityCase, statesSicknessCase } from './sickness.js';
import { statesSpouseSupport } from './spouse-support.js';
import { statesSurrogacyCase } from './surrogacy.js';
import { statesVoluntaryCase } from './voluntary.js';
import { statesWillCase } from './will.js';
import { statesUnregisteredCase } from './unregistered.js';
import { statesInsuranceMembership } from './insurance.js';
import { statesSupportOfMany } from './support-many.js';

/**
 * A rule of the law written for a case she does not have shares her words and answers someone
 * else: the husband's leave for a mother's own, a surrogate's birth for hers, the sick-child rule
 * for her own sick days. Each reader below tells from the law's words whether a unit states such a
 * case; what she said (read once per question, `CaseReading`) tells whether it is hers. A unit
 * stating a case she does not have counts OTHER_CASE of its score — low enough that the khoản for
 * her own case leads whenever retrieval gave it, not so low that the rule vanishes when it is all
 * there is. Each reader was added for a class of wrong answers found in review (its file says which)
 * and measured at this factor; a new one goes in the table, with its reading in `CaseReading`.
 */
export const OTHER_CASE = 0.3;

/** What her question says of the cases the readers tell apart (server/answer/extractive.ts reads them). */
export interface CaseReading {
  /** She names a man (husband.ts): a khoản for the male worker may be her answer. */
  manNamed?: boolean;
  /** She names surrogacy (surrogacy.ts): a khoản on it may be her answer. */
  surrogacyNamed?: boolean;
  /** She says the dead left no will (will.ts): a khoản on a will that exists is another case. */
  noWill?: boolean;
  /** She names a sibling, grandparent or other relative of the later ranks (heirs.ts). */
  laterKinNamed?: boolean;
  /** She asks about inheritance (heirs.asksAboutInheritance): an article on inheriting may be her answer. */
  inheritanceAsked?: boolean;
  /** She says her husband or wife died and names no divorce (widowed.ts): a divorce's rule is another case. */
  widowed?: boolean;
  /** She asks which persons (persons.asksPersons): "ai được hưởng", not "ai giải quyết". */
  personsAsked?: boolean;
  /** She asks about a birth or pregnancy and names no illness (sickness.ts): a sickness rule is another case. */
  birthNotIllness?: boolean;
  /** She names a child (child-care.ts, child-case.ts): a rule for a child, or for caring for a sick one, may be her answer. */
  childNamed?: boolean;
  /** She names an illness, a hospital or leave to care (child-care.ts): caring for a sick child may be her answer. */
  sickOrCareNamed?: boolean;
  /** She says something foreign (foreigner.ts): a foreigner's rule may be her answer. */
  foreignNamed?: boolean;
  /** She names an illness and no birth or pregnancy (sickness.ts): a maternity rule is another case. */
  illnessNotBirth?: boolean;
  /** She names the voluntary social-insurance scheme or a life with no employer (voluntary.ts). */
  voluntaryNamed?: boolean;
  /** She names a divorce, an ex-husband, or custody or support of a child (divorce.ts). */
  divorceNamed?: boolean;
  /** She names adoption, or a child given or taken in to raise (adoption.ts). */
  adoptionNamed?: boolean;
  /** She asks for support for her child and names no need of her own (spouse-support.ts). */
  childSupportOnly?: boolean;
  /** She names a court, a suit or a divorce (court-case.ts): a court's power while it hears their case may be hers. */
  courtCaseNamed?: boolean;
  /** She names her husband or wife and nothing of a marriage never registered (unregistered.ts). */
  registeredSpouse?: boolean;
  /** She names no insurance and no contribution (insurance.ts): who joins social insurance is not her question. */
  noInsurance?: boolean;
  /** She names no several dependants and no several payers of support (support-many.ts). */
  noManyInSupport?: boolean;
}

/** The words of a unit the readers look at: its own line, the lead-in of its điểm, its article's title. */
export interface CaseUnit {
  text: string;
  leadIn: string | null;
  articleTitle: string | null;
  /** Its article is in a division on inheritance (ArticleHit.inheritance, read from the law's structure). */
  inheritance?: boolean;
  /** Its article is in a section on divorce (ArticleHit.divorce, read from the law's structure). */
  divorce?: boolean;
  /** Its document's title ("Luật Nuôi con nuôi"). */
  documentTitle?: string;
}

interface CaseRule {
  /** Her words rule the case out. */
  notHers(o: CaseReading): boolean;
  /** The unit states the case. */
  states(u: CaseUnit): boolean;
}

const CASE_RULES: readonly CaseRule[] = [
  // The husband's rule when she asks about her own ("sinh mổ thì được nghỉ bao lâu").
  { notHers: (o) => o.manNamed === false, states: (u) => statesHusbandsRule(u.text, u.leadIn) },
  // A surrogate's rule when she asks about her own birth.
  { notHers: (o) => o.surrogacyNamed === false, states: (u) => statesSurrogacyCase(u.text, u.leadIn) },
  // A lost will's rule, or the heirs a will leaves out, when she says there was none.
  { notHers: (o) => o.noWill === true, states: (u) => statesWillCase(u.text, u.leadIn) },
  // The later ranks of heirs when she asks as a wife or child ("tôi là vợ thì được hưởng phần nào").
  // Asked who inherits ("mảnh đất chia cho ai"), every rank is her answer: the rule only keeps the
  // later ranks from answering what share she herself gets.
  { notHers: (o) => o.laterKinNamed === false && !o.personsAsked, states: (u) => statesLaterRanks(u.text, u.leadIn) },
  // Inheriting when a death is only the background of her question ("chồng mất rồi, em đi bước nữa
  // có phải xin phép nhà chồng không": Điều 655 khoản 3 shares the death and the remarrying).
  { notHers: (o) => o.inheritanceAsked === false, states: (u) => u.inheritance === true },
  // Custody or debts after a divorce, when her marriage ended by death ("chồng mất, bà nội đòi nuôi cháu").
  { notHers: (o) => o.widowed === true, states: (u) => u.inheritance !== true && statesDivorceCase(u.articleTitle) },
  // Rest after sickness, its files and payment, when she asks about her birth (BHXH Điều 46 beside 60).
  { notHers: (o) => o.birthNotIllness === true, states: (u) => statesSicknessCase(u.text, u.leadIn, u.articleTitle) },
  // Caring for a sick child, when she asks about her own sick days (BHXH Điều 42 khoản 1 điểm e beside điểm a).
  { notHers: (o) => o.childNamed === false, states: (u) => statesChildCareCase(u.text, u.leadIn) },
  // Caring for a sick child when she names a child but no illness and no leave ("để con 5 tuổi ở nhà
  // một mình": not BHXH Điều 44's days for a child from 3 to 7).
  { notHers: (o) => o.sickOrCareNamed === false, states: (u) => statesSickChildCase(u.text, u.leadIn, u.articleTitle) },
  // A child's rule when she names no child ("em bị lừa bán…, giờ về được rồi thì được hỗ trợ gì").
  { notHers: (o) => o.childNamed === false, states: (u) => statesChildCase(u.text, u.leadIn, u.articleTitle) },
  // A foreigner's rule when she says nothing foreign (PCMBN Điều 37 khoản 4 beside khoản 1).
  { notHers: (o) => o.foreignNamed === false, states: (u) => statesForeignCase(u.text, u.leadIn) },
  // Rest after childbirth, its files and payment, when she asks about her illness (Điều 60 beside 46).
  { notHers: (o) => o.illnessNotBirth === true, states: (u) => statesMaternityCase(u.articleTitle) },
  // A divorce's rule when she names no divorce ("xã cứ gọi lên hòa giải … với ông chồng vũ phu": HN&GĐ
  // Điều 54, the court's mediation after a petition, beside PCBLGĐ Điều 17). A widow's case is widowed.ts's.
  { notHers: (o) => o.divorceNamed === false && o.widowed !== true, states: (u) => u.divorce === true },
  // The voluntary scheme's rule when she names neither it nor a life without an employer (BHXH Điều 98 beside 64).
  { notHers: (o) => o.voluntaryNamed === false, states: (u) => statesVoluntaryCase(u.text, u.leadIn, u.articleTitle) },
  // An adopter's rule when she names no adoption ("cháu bị bắt đi bán vé số, có phải bị bóc lột không": not Nuôi con nuôi Điều 13).
  { notHers: (o) => o.adoptionNamed === false, states: (u) => statesAdoptionCase(u.documentTitle) },
  // Support between the spouses when she asks for money for her child ("chồng cũ có phải đưa tiền hàng
  // tháng cho con không": HN&GĐ Điều 82 khoản 2, not Điều 115).
  { notHers: (o) => o.childSupportOnly === true, states: (u) => statesSpouseSupport(u.text, u.leadIn, u.articleTitle) },
  // A court's no-contact order while it hears their case, when she names no court, suit or divorce
  // ("muốn xin cấm ck lại gần thì lên đâu xin": PCBLGĐ Điều 25 khoản 1, the commune chairman, not Điều 26).
  { notHers: (o) => o.courtCaseNamed === false, states: (u) => statesPendingCase(u.text, u.leadIn) },
  // A couple who never registered their marriage, when she names her husband and no missing
  // registration ("ck e đi làm xa…, vợ chồng có phải sống chung ko": HN&GĐ Điều 19 khoản 2, not Điều 14).
  { notHers: (o) => o.registeredSpouse === true, states: (u) => statesUnregisteredCase(u.text, u.leadIn, u.articleTitle) },
  // Who joins social insurance, when she names no insurance and no contribution ("e đi giúp việc nhà…,
  // có cần làm hợp đồng giấy tờ ko": BLLĐ Điều 162 khoản 1, not BHXH Điều 2 khoản 7 điểm b).
  { notHers: (o) => o.noInsurance === true, states: (u) => statesInsuranceMembership(u.text, u.leadIn, u.articleTitle) },
  // Support owed to or by many people, when she names one child and one payer ("ck cũ phải đưa bao
  // nhiêu tiền nuôi con 1 tháng": HN&GĐ Điều 116 khoản 1, not Điều 108).
  { notHers: (o) => o.noManyInSupport === true, states: (u) => statesSupportOfMany(u.text, u.leadIn, u.articleTitle) },
];

/** OTHER_CASE for every case the unit states that is not hers; 1 when none. */
export function otherCaseFactor(u: CaseUnit, reading: CaseReading): number {
  let f = 1;
  for (const r of CASE_RULES) if (r.notHers(reading) && r.states(u)) f *= OTHER_CASE;
  return f;
}
