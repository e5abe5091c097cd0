import { matchWithMasks, PhraseTable, readRows, tokenize, type Match } from './lexicon.js';
import { fold } from '../../ingest/text/vietnamese.js';
import { syllableOf, type Token } from './normalise.js';
import { numbersInDigits } from './numbers.js';
import { withoutWrapping } from './closing.js';

/**
 * Reads a message for danger: WHO is at risk (she, a child, someone else), WHAT is happening
 * (violence, sexual abuse, confinement, being taken away, weapons or threats to kill, injury,
 * bleeding, pregnancy, self-harm) and WHEN (now or about to, ongoing, recent, past, or asked in
 * general). The words are data (data/signals.tsv); the decision is the short, ordered rule list
 * below, each rule with example messages in data/rules.tsv that are tests.
 */

export type Level = 'emergency' | 'urgent' | 'ordinary';
export type What =
  | 'violence'
  | 'threat'
  | 'weapon'
  | 'sexual'
  | 'confine'
  | 'taken'
  | 'lure'
  | 'injury'
  | 'medical'
  | 'mild'
  | 'pregnant'
  | 'selfharm'
  | 'starve'
  | 'expelled'
  | 'grope'
  | 'image'
  | 'married'
  /** Made to end a pregnancy ("bố mẹ bắt phá thai"): an emergency as it happens, for the hotline when only ordered. */
  | 'abort'
  /** Papers kept or quitting refused by an employer ("chủ xưởng giữ căn cước"): forced labour's first signs, for the hotline. */
  | 'bonded';
export type When = 'now' | 'ongoing' | 'recent' | 'habitual' | 'past' | 'none';

export interface Assessment {
  level: Level;
  /** Id of the rule that decided (data/rules.tsv lists examples for each). */
  rule: string;
  who: { self: boolean; child: boolean; other: boolean };
  what: What[];
  when: When;
  /** Which emergency lines fit: 111 for a child, 115 for injury, bleeding, pregnancy, self-harm. */
  needs: { child: boolean; medical: boolean };
  /**
   * Every sexual harm read was a touch ("sàm sỡ", "sờ vào chỗ kín"): read as sexual for a child, as
   * dangerous as any, but the law it is told is dâm ô, not rape (chat/steps/danger-search.ts).
   */
  touchedOnly?: boolean;
}

/**
 * A sexual harm told as a touch ("sờ vào chỗ kín", "thọc tay vào váy"): the lexicon's own groping
 * (what.grope) is read in it or just before it, where the longer sexual phrase took the words.
 */
const TOUCH_REACH = 3;
function touches(m: Match, matches: readonly Match[]): boolean {
  return matches.some((g) => g.concept === 'what.grope' && g.start >= m.start - TOUCH_REACH && g.start < m.end);
}

/** Harms that are dangerous by themselves, whatever else is said. */
const SEVERE: ReadonlySet<What> = new Set(['weapon', 'sexual', 'confine', 'taken', 'injury', 'medical', 'selfharm', 'starve']);
/** States that last until someone ends them: described without a past marker, they are happening. */
const CONTINUING: ReadonlySet<What> = new Set(['confine', 'taken', 'starve', 'medical']);
/** Concepts that are context, not harm: a pregnancy, a job offer abroad. */
const CONTEXT_ONLY: ReadonlySet<What> = new Set(['pregnant', 'lure']);
/** How far (in syllables) "đang", "sắp", "định" may stand before the harm they qualify. */
const PROGRESSIVE_REACH = 4;

let table: PhraseTable | null = null;
function signals(): PhraseTable {
  return (table ??= new PhraseTable(readRows('signals.tsv')));
}

interface Features {
  tokens: Token[];
  matches: Match[];
  harms: { what: What; match: Match; when: When; hypothetical: boolean }[];
  has: (concept: string) => boolean;
  self: boolean;
  child: boolean;
  /** A child she names as hers or her family's ("con em", "bé nhà em"), not children in general. */
  childOwn: boolean;
  /** A child given an age ("bé 9 tuổi"). */
  minor: boolean;
  /** "con bé", "thằng bé", "cháu gái": one particular child, though not necessarily hers. */
  childNamed: boolean;
  other: boolean;
  concrete: boolean;
  general: boolean;
  /** No one in particular, and a question about rules, rights or what one should do. */
  asksInGeneral: boolean;
  /** Sexual abuse of a child read from everyday words (sexWithChild): "hai đứa đã quan hệ, có phạm tội không" asks the law. */
  everydaySex: Match[];
  /** She cries for help (frame.help), not asks whether others may rescue or exclaims over a legal worry (criesForHelp). */
  cry: boolean;
  /**
   * She writes as a teacher, nurse, official or from hearsay ("tôi là giáo viên", "người ta
   * bảo"): the harm she reports is someone else's and seen after the fact, so only a harm said to
   * be happening now raises an alarm; the rest is for the hotline and the law.
   */
  reporter: boolean;
  /** A threat made over a legal step she would take ("nó dọa giết cả nhà nếu em nộp đơn ly hôn"): threatCondition. */
  overLeaving: boolean;
}

/**
 * A person or an organ bought or sold (ctx.bought), or a child given money or sweets and led off
 * (ctx.enticed) by someone who is not her kin before it in its clause: "bà nội cho cháu tiền rồi
 * dắt đi chợ" is a grandmother's outing. Trafficking (BLHS Điều 150, 151), never in a question
 * about the law in general (f.concrete is asked by the rules).
 */
function bought(f: Features): boolean {
  // "em muốn bán đứa con trong bụng": a sale she intends, or supposes, is left to the refusals (supposed), as a harm she
  // asks how to do is.
  if (f.matches.some((m) => m.concept === 'ctx.bought' && !supposed(m, f.matches, f.tokens))) return true;
  return f.matches.some((e) => e.concept === 'ctx.enticed' && !f.matches.some((k) => k.concept === 'who.kin' && k.clause === e.clause && k.end <= e.start));
}

/**
 * Someone is leading, carrying or driving a person off as she writes: "đang" right before the verb
 * (act.take) and the one taken right after it ("đang đưa em gái em…", "đang chở con bé…").
 */
function ledNow(f: Features): boolean {
  return f.matches.some(
    (t) =>
      t.concept === 'act.take' &&
      f.matches.some((p) => p.concept === 'when.progressive' && p.clause === t.clause && p.end === t.start) &&
      // "bố đang chở con đi làm bên Lào": her own family taking her is no trafficker.
      !f.matches.some((k) => k.concept === 'who.kin' && k.clause === t.clause && k.end <= t.start) &&
      f.matches.some((p) => LED.test(p.concept) && p.start >= t.end && p.start <= t.end + 1),
  );
}

/**
 * Left alone with the man who once abused her ("bố dượng từng giở trò với em, tối nay chỉ còn em với ổng trong nhà, em
 * sợ lắm"): "từng", "năm ngoái" date what he did, not the end of it — beside her, and she is afraid, hiding or alone
 * with him, he may do it again. Sexual abuse or groping only: a beating long past beside him at home stays her legal question.
 */
const abusedBefore = (f: Features) =>
  f.concrete &&
  !f.general &&
  !f.reporter &&
  f.harms.some((h) => (h.what === 'sexual' || h.what === 'grope') && h.when === 'past' && !h.hypothetical) &&
  // Afraid, hiding or alone: "giờ ông ấy vẫn ở cùng nhà với mẹ em, em muốn tố cáo" is her legal question.
  (['frame.fear', 'frame.hiding', 'ctx.alone'].some(f.has) ||
    // "mẹ con bé đi viện, đêm nay chỉ còn ông bố dượng với nó ở nhà, ổng từng sờ mó con bé": a child left with the man
    // tonight cannot say she is afraid — the night named is enough.
    (f.child && f.has('who.man') && ['when.now', 'when.soon'].some(f.has)));

/**
 * A child carried over the border (what.carried) as she writes or soon: "tính đêm nay ôm thằng cu sang TQ", "sáng mai bế con
 * qua bên Tàu" — a time of now or soon in its clause. "mang con sang Trung Quốc từ 2019" is a custody question, not a taking.
 */
function carriedNow(m: Match, matches: Match[], tokens: Token[]): boolean {
  const when = timeOf(m, matches, tokens);
  return when === 'now' || matches.some((s) => s.concept === 'when.soon' && s.clause === m.clause);
}

/** A past time that is not only days ago ("tuần trước", "mấy hôm trước": ctx.lastweek). */
const pastBeyondLastWeek = (f: Features) =>
  f.matches.some((m) => m.concept === 'when.past' && !f.matches.some((l) => l.concept === 'ctx.lastweek' && l.start <= m.start && l.end >= m.end));

/** A rule: when it applies, the level it gives, and why. First applying rule wins. */
interface Rule {
  id: string;
  level: Level;
  why: string;
  applies: (f: Features) => boolean;
}

/**
 * Harms someone does to her or a child; an injury or bleeding without one is an accident or a birth. Not papers kept or
 * leave refused by an employer: "bị tai nạn lao động gãy chân, công ty không cho nghỉ làm" is still a work accident.
 */
const BY_SOMEONE: ReadonlySet<What> = new Set([
  'violence',
  'threat',
  'weapon',
  'sexual',
  'confine',
  'taken',
  'mild',
  'starve',
  'selfharm',
  'expelled',
  'grope',
  'image',
  'married',
  'abort',
]);
/**
 * An injury or bleeding that no one caused: told with its cause ("ngã xe", "tai nạn", "đột quỵ",
 * "sinh mổ") unless she is pregnant, or not happening now and asked about leave, insurance or rights ("sảy thai, công ty
 * có cho nghỉ không"). A case for the doctor and a benefits question, not for the police.
 */
const accidental = (f: Features, h: Features['harms'][number]) =>
  (h.what === 'injury' || h.what === 'medical') &&
  !f.harms.some((x) => BY_SOMEONE.has(x.what)) &&
  !critical(f, h) &&
  // A pregnant woman bleeding after a fall still needs 115 now.
  ((f.has('ctx.accident') && !f.has('what.pregnant')) || (!happening(h.when) && (f.has('frame.benefit') || f.has('frame.legal') || f.has('frame.advice'))));
/**
 * Whatever caused it, someone unconscious, not breathing or pulled from the water now
 * ("con em vừa bị điện giật, giờ không thở") needs 115 before anything else — unless she asks
 * about insurance, leave or the law.
 */
const critical = (f: Features, h: Features['harms'][number]) =>
  f.has('ctx.critical') &&
  // Now, not for months ("hôn mê mấy tháng nay" is a long illness).
  h.when !== 'ongoing' &&
  h.when !== 'habitual' &&
  (h.when === 'now' || ['when.now', 'when.just', 'when.progressive'].some(f.has)) &&
  !f.has('frame.legal') &&
  !f.has('frame.benefit');
/**
 * "chị gái em lấy chồng Đài Loan 10 năm rồi, giờ muốn về ly hôn thì nộp đơn ở đâu": a marriage abroad dated in the past by
 * its own time and asked as law is a marriage, not an offer of one (what.lure).
 */
function settledAbroad(f: Features, m: Match): boolean {
  const [a, b] = [f.tokens[m.start]?.text, f.tokens[m.start + 1]?.text].map((t) => fold(t ?? ''));
  return (
    a === 'lay' && b === 'chong' && f.has('frame.legal') && f.harms.some((h) => h.match.concept === m.concept && h.match.start === m.start && h.when === 'past')
  );
}

// "ô tô" is read by its second syllable.
const VEHICLE = /^(xe|tô|oto|ôtô|tàu|container)$/;
const DRIVES = /^(lái|lai|phóng|phong|rồ|ro|lấy|lay|cố|co|tông|tong)$/;
/**
 * "xe tải đâm chết con trâu nhà em rồi bỏ chạy", "con em bị xe máy đâm gãy chân": a vehicle that strikes ("đâm" after a
 * vehicle word, at most three words on) is a road accident, not a stabbing — unless someone drives it at her ("nó lái xe
 * đâm thẳng vào em", "phóng xe đâm", "cố tình đâm": a verb of driving or intent before it in the clause).
 */
function vehicleStrikes(m: Match, tokens: Token[]): boolean {
  if (!/^(đâm|dam)$/.test(tokens[m.start]?.text ?? '')) return false;
  const before = tokens.slice(Math.max(0, m.start - 4), m.start).filter((t) => t.clause === tokens[m.start]!.clause);
  const v = before.findIndex((t) => VEHICLE.test(t.text));
  if (v < 0) return false;
  const clause = tokens.slice(0, m.start).filter((t) => t.clause === tokens[m.start]!.clause);
  return !clause.some((t) => DRIVES.test(t.text));
}

/** A pupil as the one who hurt her child: "bạn", "bạn cùng lớp", "bạn học" — not "bạn trai", "bạn gái". */
function peerDoer(tokens: Token[]): boolean {
  return tokens.some((t, i) => /^(bạn|ban)$/.test(t.text) && !/^(trai|gái|gai)$/.test(tokens[i + 1]?.text ?? ''));
}
const SCHOOL_HURT: ReadonlySet<What> = new Set(['violence', 'mild', 'injury']);
/**
 * A child hurt by another pupil at school: a child she names, at school (ctx.school), a pupil the doer and no teacher or
 * minder in the message, every harm a blow or an injury (no weapon, threat, abuse or taking), none happening now or told as a
 * habit (bullying day after day is for the hotline), and she asks about it.
 */
function schoolFight(f: Features): boolean {
  const staff = f.tokens.some(
    (t, i) => /^(thầy|thay|cô|co|giáo|giao|bảo|bao)$/.test(t.text) && /^(giáo|giao|viên|vien|mẫu|mau)$/.test(f.tokens[i + 1]?.text ?? ''),
  );
  return (
    (f.childOwn || f.childNamed || f.child) &&
    f.has('ctx.school') &&
    peerDoer(f.tokens) &&
    !staff &&
    (f.has('frame.legal') || f.has('frame.general') || f.has('frame.advice')) &&
    f.harms.length > 0 &&
    f.harms.every((h) => SCHOOL_HURT.has(h.what) && !happening(h.when) && h.when !== 'habitual' && !h.hypothetical)
  );
}

const active = (f: Features) => f.harms.filter((h) => !CONTEXT_ONLY.has(h.what) && h.when !== 'past' && !h.hypothetical && !accidental(f, h));
const happening = (w: When) => w === 'now' || w === 'ongoing';
const is =
  (...whats: What[]) =>
  (h: { what: What }) =>
    whats.includes(h.what);

/**
 * A harm told as what he does from time to time ("hay", "thường", "mỗi khi", "lúc nào cũng", "hễ say", "tháng nào
 * cũng" in its clause before it), or whenever he comes home drunk ("say rượu về là", the when.habitual rows ending in "là"):
 * not "cứ", "mãi", "suốt", which also say he keeps at it now ("cứ kéo tay em", "gọi mãi không mở").
 */
const HABIT =
  /^((hễ|he) \S+|(tháng|thang|tuần|tuan) (nào|nao)( .+)? (cũng|cung)|hay|thường|thuong|thường xuyên|thuong xuyen|mỗi khi|moi khi|mỗi lần|moi lan|lúc nào cũng|luc nao cung|nhiều lần|nhieu lan|bao lần|bao lan|\S+( \S+)*? (là|la))$/;
/** A habit word (HABIT) said before harm `h`, in its clause when `sameClause`. */
const habitNamedBefore = (f: Features, h: Features['harms'][number], sameClause: boolean) =>
  f.matches.some(
    (m) =>
      m.concept === 'when.habitual' &&
      (!sameClause || m.clause === h.match.clause) &&
      m.end <= h.match.start &&
      HABIT.test(
        f.tokens
          .slice(m.start, m.end)
          .map((t) => t.text)
          .join(' '),
      ),
  );
/** A threat that is only someone lurking ("lảng vảng", "đứng trước cổng") for days, not tonight. */
const lurkOnly = (f: Features, h: Features['harms'][number]) =>
  h.what === 'threat' &&
  // "cứ lảng vảng trước nhà em từ tối": since this evening is tonight's danger, not days of lurking.
  (h.when === 'habitual' || (h.when === 'ongoing' && f.has('ctx.days'))) &&
  f.matches.some((m) => m.concept === 'ctx.lurk' && m.start <= h.match.start && m.end >= h.match.end);

/**
 * Every harm told is a habit named as one before it ("hễ say là đánh", "hay đánh mắng"; not "cứ", which also says
 * he keeps at it now: "cứ vòng lại sát em") and nothing says now.
 */
const habitOnly = (f: Features) =>
  active(f).length > 0 &&
  active(f).every((h) => (h.when === 'habitual' || h.when === 'none') && habitNamedBefore(f, h, false)) &&
  !['when.now', 'when.present', 'when.near', 'when.just', 'when.progressive', 'when.soon', 'when.ongoing', 'when.every'].some(f.has) &&
  !active(f).some((h) => SEVERE.has(h.what));

const toldAsHabit = (f: Features, h: Features['harms'][number]) =>
  h.when === 'habitual' &&
  // "chồng hay cầm dao dọa giết em, tối nay nó lại say rồi": a habit with a sign of now elsewhere is tonight's danger.
  !['when.now', 'when.present', 'when.near', 'when.just', 'when.progressive', 'when.soon'].some(f.has) &&
  habitNamedBefore(f, h, true);

/** Harms a woman flees to her family from (fled-from-harm). */
const FLED_FROM: ReadonlySet<What> = new Set(['violence', 'threat', 'weapon', 'sexual', 'confine', 'mild', 'expelled', 'grope']);

/**
 * Sexual abuse of a child read from everyday words, told with no time and asked as law ("hai đứa đã quan
 * hệ, như vậy có phạm tội không", "có phạm tội" with its "không" mistyped): for the child line and the law
 * (severe-asked-as-law, urgent), not the police now.
 */
const everydayAsked = (f: Features, h: Features['harms'][number]) =>
  f.everydaySex.includes(h.match) &&
  h.when === 'none' &&
  (askedSo(f.tokens) ||
    f.matches.some(
      (m) =>
        (m.concept === 'frame.legal' || m.concept === 'frame.general') &&
        (asksAfter(Math.max(m.start - 1, 0), f.tokens) || /^(có|co)$/.test(f.tokens[m.start - 1]?.text ?? '')),
    ));

/** She hides (ctx.hideout) herself ("em đang trốn…", "đang trốn trong wc") — not "con em đang trốn trong tủ", a child at play or sulking. */
const hidesHerself = (f: Features) => ofHerself(f, 'ctx.hideout');

/**
 * A concept told of herself: it follows her pronoun ("em không dám về nhà") or opens its clause with the pronoun left
 * out — not "con gái em 14 tuổi không dám về nhà", a child's fear of a bad mark.
 */
const ofHerself = (f: Features, concept: string) =>
  f.matches.some(
    (m) =>
      m.concept === concept &&
      (f.matches.some((p) => p.concept === 'who.self' && p.end === m.start && !f.matches.some((c) => /^who\.child/.test(c.concept) && c.end === m.start)) ||
        f.tokens[m.start - 1]?.clause !== m.clause),
  );

/** A stepfather named ("bố dượng", "cha dượng", "dượng"): the man of her house who is not her father. */
const stepfather = (f: Features) =>
  f.matches.some((m) => m.concept === 'who.man' && f.tokens.slice(m.start, m.end).some((t) => /^(dượng|duong)$/.test(t.text)));

export const RULES: readonly Rule[] = [
  {
    id: 'cry-for-help',
    level: 'emergency',
    why: 'She calls for help ("cứu em với"), or pleads ("ai đó giúp em với") with a harm not in the past: nothing else needs to be understood first.',
    applies: (f) =>
      ((f.cry && !(f.harms.length && f.harms.every((h) => h.when === 'past'))) || (f.has('frame.plea') && active(f).length > 0)) && !(f.general && !f.self),
  },
  {
    id: 'self-harm',
    level: 'emergency',
    why: 'Thoughts of ending her life, not placed in the past and not asked about someone in general.',
    // "toi nghi den chuyen tu tu" (typed without dấu, "nghĩ" reads like "nghi", I suspect): her own thoughts are not hearsay.
    applies: (f) => active(f).some(is('selfharm')) && (!f.general || (f.self && !f.has('who.general') && !f.has('frame.general'))),
  },
  {
    id: 'happening-now',
    level: 'emergency',
    why: 'A harm said to be happening now, about to happen, or going on (đang, bây giờ, mỗi đêm, hai ngày rồi), to someone real: not "chồng đang đánh vợ thì bị phạt thế nào".',
    // "có gã lạ mấy hôm nay cứ lảng vảng trước cổng": lurking told over days, and nothing more, is for the police
    // before anything happens (lurking, urgent); he at the door now, or her fear, is still an emergency below.
    // "chủ giữ căn cước của em từ tháng trước": papers kept by an employer are for the hotline (violence-at-home), not the police now.
    applies: (f) => (f.concrete || !f.asksInGeneral) && active(f).some((h) => happening(h.when) && !lurkOnly(f, h) && h.what !== 'bonded'),
  },
  {
    id: 'he-is-here',
    level: 'emergency',
    why: 'He is at the door, drunk, on his way ("hắn đang đứng ngoài cửa") and has hurt or threatened before, even long ago; or he is at home or beside her and the harm is not told as past.',
    applies: (f) =>
      !f.has('when.safe') &&
      ((f.has('when.present') && f.harms.some((h) => !CONTEXT_ONLY.has(h.what) && !h.hypothetical)) ||
        (f.has('when.near') && (active(f).length > 0 || abusedBefore(f))) ||
        // "nhà chỉ có em với chú, chú từng sờ soạng em": alone with him, told without "ở nhà".
        (f.has('ctx.withhim') && abusedBefore(f))),
  },
  {
    id: 'coming-for-her',
    level: 'emergency',
    why: 'He is on his way or at the door, and she is afraid or hiding, alone in the house, has fled to stay elsewhere, or he has found where she is ("em đang ở nhờ nhà chị gái, nó biết rồi và đang chạy xe sang"): no harm needs to be named for her to need the police now.',
    applies: (f) =>
      f.concrete &&
      !f.general &&
      !f.reporter &&
      // "em chạy về nhà ngoại rồi mà ck biết, đang đi xe sang": safe at her mother's until he comes there.
      (!f.has('when.safe') || f.has('ctx.found') || f.has('ctx.refuge')) &&
      f.has('when.present') &&
      !f.harms.some((h) => h.hypothetical) &&
      // "chồng cũ đang ở ngoài cổng, em ở một mình với con nhỏ": alone, no one is there to stop him.
      (f.has('frame.fear') || f.has('frame.hiding') || f.has('ctx.found') || f.has('ctx.alone') || (f.has('ctx.refuge') && f.has('who.specific'))),
  },
  {
    id: 'afraid-or-hiding',
    level: 'emergency',
    why: 'A harm, not in the past, and she is hiding ("em đang trốn"), or afraid ("sợ quá") and not asking about the law while only a slap or smashed plates are told ("bố đập vỡ ti vi, em sợ lắm, bố mẹ ly hôn thì em ở với ai"); or afraid because he is drunk now, with no harm told ("ck e lại say về rồi, e sợ lắm").',
    applies: (f) =>
      // "hôm qua em xem phim thấy cảnh bắt cóc trẻ con, sợ quá": what frightened her was on a screen.
      !(f.reporter && f.has('frame.media')) &&
      ((active(f).length > 0 &&
        (f.has('frame.hiding') ||
          (f.has('frame.fear') &&
            // "chủ giữ hộ chiếu, em sợ lắm": her fear of an employer who keeps her papers is for the hotline.
            active(f).some((h) => h.what !== 'bonded') &&
            (!f.has('frame.legal') || active(f).some((h) => SEVERE.has(h.what) || happening(h.when))) &&
            // "hễ nhậu về là anh ấy đập phá, tát em, bọn trẻ sợ lắm": a habit told with nothing of now is for the hotline.
            !habitOnly(f)))) ||
        (f.has('frame.fear') &&
          f.has('ctx.drunk') &&
          f.concrete &&
          !f.general &&
          !f.has('frame.legal') &&
          !f.has('when.habitual') &&
          !f.harms.some((h) => h.when === 'past' || h.hypothetical))),
  },
  {
    id: 'hiding-now',
    level: 'emergency',
    why: 'She is hiding, or has fled outdoors and dares not go back ("em đang trốn trong nhà tắm, tắt đèn rồi"; "em chạy ra đồng rồi, không dám về"), told of herself with nothing dating it: what she hides from need not be named.',
    applies: (f) =>
      f.concrete &&
      !f.general &&
      !f.reporter &&
      // "hồi nhỏ em phải trốn trong nhà tắm mỗi lần ba say": a hiding place remembered, or a habit, is her legal question.
      !['frame.legal', 'when.past', 'when.habitual', 'when.safe'].some(f.has) &&
      !f.harms.some((h) => h.when === 'past' || h.hypothetical) &&
      hidesHerself(f) &&
      ['when.progressive', 'when.now', 'frame.fear'].some(f.has),
  },
  {
    id: 'leaving-soon',
    level: 'emergency',
    why: 'Forced to marry within days ("ép … lấy ông ta vào tuần sau"), or lured abroad or taken and leaving now or within days ("sáng mai xe đến đón"): once she is married off or across the border little can be done, so the police are told first.',
    applies: (f) =>
      f.concrete &&
      !f.reporter &&
      !f.harms.some((h) => h.when === 'past') &&
      (((f.has('when.soon') || f.has('when.now')) &&
        (active(f).some(is('married')) || (f.has('ctx.leaving') && ((f.has('what.lure') && f.has('ctx.lurer')) || active(f).some(is('taken')))))) ||
        // "người ta đang đưa em gái em xuống Lạng Sơn bảo sang bên kia làm": being led off now toward a job abroad.
        (f.has('what.lure') && ledNow(f))),
  },
  {
    id: 'meeting-soon',
    level: 'emergency',
    why: 'A man met online or a stranger has arranged to meet a child she names, tonight or within days ("thằng quen trên mạng hẹn con gái em 13 tuổi ra gặp tối nay"): the meeting is when he can take or abuse her, so the police are told first.',
    applies: (f) =>
      (f.childOwn || f.childNamed || f.minor) &&
      !f.general &&
      !f.reporter &&
      f.has('ctx.meet') &&
      // "có ông trong game đang rủ con bé ra quán net": asked out as she writes is as near as tonight.
      (f.has('when.soon') ||
        f.has('when.now') ||
        f.matches.some((p) => p.concept === 'when.progressive' && f.matches.some((m) => m.concept === 'ctx.meet' && m.start === p.end))) &&
      !f.harms.some((h) => h.when === 'past') &&
      // "hồi con em 12 tuổi có thằng chơi game rủ nó đi chơi, giờ nó 18 rồi": a past told, and only "giờ" after it, is that
      // time's meeting; a day named ("tối nay") is still to come.
      !(f.has('when.past') && !f.has('when.soon')) &&
      // Known only online ("có người trên game đang hẹn con em…") is as much a stranger as "quen trên mạng".
      f.matches.some(
        (m) => m.concept === 'ctx.lurer' && f.tokens.slice(m.start, m.end).some((t) => /^(quen|lạ|la|mạng|mang|game|facebook|zalo|tiktok)$/.test(t.text)),
      ),
  },
  {
    id: 'bought-and-led-now',
    level: 'emergency',
    why: 'A child or a woman paid for, or a child lured with money or sweets, and being led or carried off now ("giờ đang dắt nó ra xe") or already out of reach: once out of sight she may be sold on, so the police are told first.',
    applies: (f) =>
      f.concrete &&
      !f.reporter &&
      bought(f) &&
      f.has('act.take') &&
      // "… rồi dắt nó đi đâu mất, gọi không thấy": led off and out of reach is as urgent as now.
      (['when.now', 'when.progressive', 'when.just', 'when.present'].some(f.has) || f.has('ctx.away')) &&
      !f.has('when.past') &&
      !f.harms.some((h) => h.when === 'past'),
  },
  {
    id: 'continuing-state',
    level: 'emergency',
    why: 'Locked in, being taken away, starved, bleeding or unconscious, told without a past marker: that state lasts until someone ends it.',
    applies: (f) =>
      f.concrete &&
      !f.reporter &&
      !(f.has('frame.general') && !f.self && !f.childOwn) &&
      // "bị chồng đánh sảy thai, giờ bạn ấy muốn kiện": a bleeding or a miscarriage told with no
      // time beside a lawsuit is what the suit is about, not a state going on.
      active(f).some((h) => CONTINUING.has(h.what) && h.when !== 'habitual' && !(h.what === 'medical' && h.when === 'none' && f.has('frame.legal'))),
  },
  {
    id: 'man-with-child',
    level: 'emergency',
    why: 'A man who is not her parent alone with a child behind a closed door, in her bed, or in a room where she cries, now ("bố dượng đang ở trong phòng con bé, khóa cửa, con bé đang khóc"): the abuse may be happening as she writes.',
    // "em gái tôi bị thiểu năng, ông chú họ đang giữ nó trong buồng, đóng cửa lại": a disabled sister is as defenceless.
    applies: (f) =>
      // "bố dượng bắt em ngủ chung giường tối nay": a girl made to by her stepfather is the child in his house.
      (f.child || f.has('who.disabled') || (f.self && stepfather(f) && f.tokens.some((t) => /^(bắt|ép|bat|ep)$/.test(t.text)))) &&
      !f.reporter &&
      !f.general &&
      f.has('who.man') &&
      (f.has('ctx.shut') || f.has('ctx.bed') || (f.has('ctx.room') && f.has('ctx.cry'))) &&
      ['when.now', 'when.progressive', 'when.just', 'when.near', 'when.present'].some(f.has) &&
      // "… đang gọi con bé vào buồng đóng cửa, lần trước nó kể ông sờ nó": an earlier time told in
      // another clause is what he did before, not when the door is shut.
      !f.matches.some((m) => m.concept === 'when.past' && f.matches.some((c) => /^ctx\.(shut|bed|room)$/.test(c.concept) && c.clause === m.clause)) &&
      !f.has('when.safe'),
  },
  {
    id: 'put-out-at-night',
    level: 'emergency',
    why: 'Put out of the house now, at night, in the cold or with a small or sick child and nowhere to go: she and the child are in the street until someone takes them in.',
    // "nhà chồng đuổi mẹ con em ra khỏi nhà": with her child but no night, cold or illness and no "now", she is put out,
    // not in the street tonight (urgent, violence-at-home).
    applies: (f) =>
      f.concrete &&
      !f.reporter &&
      !f.general &&
      active(f).some(
        (h) =>
          h.what === 'expelled' &&
          h.when !== 'habitual' &&
          (f.has('ctx.exposed') ||
            (f.has('ctx.company') && f.matches.some((m) => ['when.now', 'when.just', 'when.progressive'].includes(m.concept) && m.clause === h.match.clause))),
      ),
  },
  {
    id: 'child-sexual-abuse',
    level: 'emergency',
    why: 'A named child sexually abused, not placed in the past: the abuser is usually still near, and evidence and care are needed within days.',
    // "bố dượng sờ soạng em, em 15 tuổi, em muốn biết phải báo ai": a girl telling her own abuse by someone she names is a named child.
    applies: (f) =>
      !f.reporter &&
      (f.childOwn || (f.self && f.minor && (f.has('who.kin') || f.has('who.specific'))) || ((f.minor || f.childNamed) && !f.general)) &&
      (active(f).some(
        (h) =>
          h.what === 'sexual' &&
          // "con tôi 15 tuổi yêu một anh 20 tuổi, hai đứa đã quan hệ, như vậy có phạm tội không": told in
          // everyday words with no time and asked as law, it is for the child line and the law (urgent).
          !everydayAsked(f, h),
      ) ||
        // "… dụ ngủ với nó, giờ con bé có bầu 3 tháng rồi": a child abused and pregnant now needs care now, whenever it began.
        (f.harms.some((h) => h.what === 'sexual' && !h.hypothetical) &&
          f.harms.some((h) => h.what === 'pregnant' && h.when !== 'past' && !h.hypothetical) &&
          !f.has('frame.general'))),
  },
  {
    id: 'pregnant-and-hurt',
    level: 'emergency',
    why: 'Violence against a pregnant woman, not in the past: the pregnancy itself is at risk.',
    applies: (f) => f.has('what.pregnant') && f.concrete && !f.general && !f.reporter && active(f).some(is('violence', 'threat', 'weapon', 'mild', 'injury')),
  },
  {
    id: 'severe-just-now',
    level: 'emergency',
    why: 'A serious harm to her or someone she names, yesterday or this morning: he is likely still near, and injuries need care now — even when she asks about the law.',
    applies: (f) => f.concrete && !f.reporter && active(f).some((h) => SEVERE.has(h.what) && h.what !== 'selfharm' && h.when === 'recent'),
  },
  {
    id: 'severe-unmarked',
    level: 'emergency',
    why: 'A weapon, a threat to kill, sexual violence or a serious injury against her or someone she names, recent or with no time given, and not asked as a legal question.',
    // "mẹ chồng hay bỏ đói em mỗi khi chồng đi xa", "ck hay dọa giết em nếu em ly hôn": a habit told with no
    // time now is for the hotline (severe-asked-as-law), as a habitual beating is — not against a child,
    // who cannot leave ("mẹ kế hay bỏ đói con bé, nó gầy lắm").
    applies: (f) =>
      f.concrete &&
      !f.general &&
      !f.reporter &&
      !f.has('frame.legal') &&
      active(f).some((h) => SEVERE.has(h.what) && (f.child || !toldAsHabit(f, h)) && !everydayAsked(f, h)),
  },
  {
    id: 'violence-told-now',
    level: 'emergency',
    why: 'Violence against her or someone she names, told in the present with no time given and not as a habit or a legal question ("chồng say rượu về đánh em, em phải làm sao").',
    applies: (f) =>
      f.concrete &&
      !f.general &&
      !f.reporter &&
      !f.has('frame.legal') &&
      !f.has('ctx.school') &&
      active(f).some((h) => (h.what === 'violence' || h.what === 'mild') && h.when === 'none'),
  },
  {
    id: 'threat-over-leaving',
    level: 'emergency',
    why: 'A threat to kill her or her family if she divorces, leaves or reports him, made now or lately and not as a habit — even beside a question about the divorce ("nó dọa giết cả nhà nếu em nộp đơn, ly hôn thì con ai nuôi"): leaving is when such threats are carried out.',
    applies: (f) =>
      f.overLeaving && f.concrete && !f.reporter && active(f).some((h) => h.what === 'weapon' && h.when !== 'habitual' && !f.has('when.habitual')),
  },
  {
    id: 'school-fight',
    level: 'ordinary',
    why: 'A child hurt by another pupil at school, not now and not as a habit, asked of the school or the other family ("con em bị bạn xô ngã ở trường, nhà trường có phải bồi thường không"): for the school and the insurer, not the hotline. A teacher, a weapon or abuse is not this.',
    applies: (f) => schoolFight(f),
  },
  {
    id: 'severe-asked-as-law',
    level: 'urgent',
    why: 'A serious harm to her or someone she names, asked as a legal question: the hotline comes above the answer.',
    applies: (f) => f.concrete && active(f).some((h) => SEVERE.has(h.what)),
  },
  {
    id: 'past-child-abuse-or-trafficking',
    level: 'urgent',
    why: 'Sexual abuse of a child, trafficking or self-harm that has stopped: still a case for the hotline and next steps.',
    applies: (f) => f.concrete && f.harms.some((h) => !h.hypothetical && ((h.what === 'sexual' && f.child) || h.what === 'taken' || h.what === 'selfharm')),
  },
  {
    id: 'trafficking-suspected',
    level: 'urgent',
    why: 'A job or marriage abroad offered by strangers or brokers to her or her child: a common start of trafficking.',
    // "môi giới bảo đi Hàn, phải đưa trước hộ chiếu…, có đáng tin không": no one named, but she asks whether the offer made
    // to her is a trap (frame.trust), so it is hers.
    applies: (f) =>
      (f.concrete || (f.has('frame.trust') && !f.general)) && (f.matches.some((m) => m.concept === 'what.lure' && !settledAbroad(f, m)) || bought(f)),
  },
  {
    id: 'grooming',
    level: 'urgent',
    why: 'A man has a child she names come to him alone or keep a secret from her parents ("thầy hay gọi con bé lên phòng riêng một mình, dặn không được kể với ai"), no abuse told: the usual way to abuse, for the child line and the school now.',
    // "tuần trước thầy nhắn bảo con bé tối lên nhà thầy một mình": days ago is the grooming going on, not years past.
    applies: (f) => (f.childOwn || f.childNamed || f.minor) && !f.general && f.has('ctx.groom') && !pastBeyondLastWeek(f) && !f.has('when.safe'),
  },
  {
    id: 'recent-harm',
    level: 'urgent',
    why: 'Hurt or abused days ago by someone she names ("tuần trước chồng đánh em phải khâu năm mũi"): over, but recent — injuries to record and the same man still near, so the hotline comes above the answer.',
    applies: (f) =>
      f.concrete &&
      !f.reporter &&
      // "… em đang ở nhà mẹ đẻ": safe because she fled to her family is still days from the beating, the man still near
      // (as fled-from-harm reads the flight); "đã ly hôn", "hắn đang ngồi tù" are safe for another reason.
      f.matches.every((s) => s.concept !== 'when.safe' || f.matches.some((r) => r.concept === 'ctx.fled' && r.start < s.end && s.start < r.end)) &&
      // A fight between children at school, a traffic accident: for the school or the insurer, not the hotline.
      !f.has('ctx.school') &&
      !f.has('ctx.accident') &&
      f.has('ctx.lastweek') &&
      f.harms.some((h) => h.when === 'past' && !h.hypothetical && ['violence', 'weapon', 'sexual', 'grope'].includes(h.what)),
  },
  {
    id: 'lurking',
    level: 'urgent',
    why: 'A stranger or an ex lurking near her or her child these days ("có người lạ mấy hôm nay cứ đứng ở cổng trường nhìn con em"), nothing done yet: for the police and the school before anything is, not an emergency now.',
    applies: (f) =>
      f.concrete &&
      !f.general &&
      f.has('ctx.lurk') &&
      f.has('who.lurker') &&
      ['when.ongoing', 'when.every', 'when.habitual', 'when.progressive', 'when.now'].some(f.has) &&
      !f.has('when.past') &&
      !f.has('when.safe'),
  },
  {
    id: 'violence-at-home',
    level: 'urgent',
    why: 'Violence, threats, groping, intimate images spread, a forced marriage, being put out, or her papers kept by an employer who will not let her quit, against her or someone she names, not in the past: the hotline comes above the answer.',
    applies: (f) => f.concrete && active(f).some(is('violence', 'threat', 'mild', 'expelled', 'grope', 'image', 'married', 'abort', 'bonded')),
  },
  {
    id: 'fled-from-harm',
    level: 'urgent',
    why: 'Violence, threats or abuse told with no past time, over only because she has fled to her family or moved out ("nó dọa giết cả nhà nếu em ly hôn, giờ em về nhà mẹ đẻ rồi"): safe tonight, but leaving is when he may come after her, so the hotline and legal aid come above the answer.',
    applies: (f) =>
      f.concrete &&
      !f.reporter &&
      f.has('ctx.fled') &&
      !f.has('when.past') &&
      // "đã ly hôn", "hắn đang ngồi tù": safe for another reason than her flight.
      // A safe phrase overlapping the flight is the flight told ("giờ em đã về nhà mẹ đẻ": "giờ em đã về" and "đã về nhà mẹ đẻ").
      f.matches.every((s) => s.concept !== 'when.safe' || f.matches.some((r) => r.concept === 'ctx.fled' && r.start < s.end && s.start < r.end)) &&
      f.harms.some((h) => !h.hypothetical && FLED_FROM.has(h.what)),
  },
  {
    id: 'child-made-to-work',
    level: 'urgent',
    why: 'A child she names made to work long hours or heavy work ("con em 13 tuổi bị chủ xưởng bắt làm 12 tiếng một ngày"), not in the past: forced labour of a child, for the child line above the answer.',
    applies: (f) =>
      (f.childOwn || f.childNamed || f.minor) &&
      f.concrete &&
      !f.general &&
      f.has('ctx.forcedwork') &&
      f.has('ctx.overwork') &&
      !['when.past', 'when.safe'].some(f.has),
  },
  {
    id: 'afraid-of-home',
    level: 'urgent',
    why: 'She dares not go home or stay at home ("tối nay em không dám về nhà, có chỗ nào cho mẹ con em ở tạm không"), told of herself with nothing dating it: what she fears there need not be named; the helplines and where to stay come above the answer.',
    applies: (f) => f.concrete && !f.reporter && ofHerself(f, 'ctx.afraidhome') && !['when.past', 'when.habitual', 'when.safe'].some(f.has),
  },
  {
    id: 'cut-off-at-home',
    level: 'urgent',
    why: 'Her phone taken by her husband or his family and her ties to her own people cut ("nhà chồng lấy điện thoại, không cho em về thăm mẹ đẻ, gọi phải có người ngồi cạnh"), told of herself with nothing dating it and not asked as law: control that comes before worse, so the hotline comes above the answer; no door shut on her, so no emergency.',
    applies: (f) =>
      f.concrete &&
      !f.reporter &&
      !f.general &&
      !f.has('frame.legal') &&
      f.has('ctx.nophone') &&
      f.has('ctx.isolate') &&
      f.matches.some((k) => k.concept === 'who.kin' && f.tokens.slice(k.start, k.end).some((t) => /^(chồng|chong)$/.test(t.text))) &&
      !['when.past', 'when.safe'].some(f.has),
  },
  {
    id: 'ordinary',
    level: 'ordinary',
    why: 'No sign of danger to anyone now: a legal question.',
    applies: () => true,
  },
];

/** The time of one harm: markers in its own clause first, then in the whole message. */
function timeOf(harm: Match, matches: Match[], tokens: Token[]): When {
  const what = harm.concept.slice(5) as What;
  // "như năm ngoái", "giống hồi trước" compare with the past; they do not date the harm.
  const compared = (m: Match) => /^(như|nhu|giống|giong)$/.test(tokens[m.start - 1]?.text ?? '');
  // "ngất sau khi bị đánh": "sau khi", "sau lần" date what follows them, not a state told before them.
  const after = (m: Match) => /^sau$/.test(fold(tokens[m.start]?.text ?? '')) && m.start >= harm.end;
  // "chừ tau muốn ly hôn vì hắn hay đánh tau": "now" before "vì" dates the wish, not the reason
  // (a past or safe marker there still dates it: "đi tù vì hành hạ em").
  const reason = (m: Match) => m.concept === 'when.now' && tokens.slice(m.end, harm.start).some((t) => /^(vì|vi)$/.test(t.text));
  // "bị chồng đánh xong hắn vẫn về nhà": a bare "vẫn" after the harm is on the verb it comes before, not the harm's.
  const stillLater = (m: Match) =>
    m.concept === 'when.ongoing' && m.start >= harm.end && m.end - m.start === 1 && /^(vẫn|van)$/.test(tokens[m.start]!.text) && !CONTINUING.has(what);
  // "em không còn muốn sống nữa", "em sẽ không còn trên đời này nữa": a safe or past phrase sharing words with the harm
  // ("không còn ~ nữa") is the harm's own wording, not a time that dates it — one starting only on the harm's last word
  // ("bé gái có bị đi" + "đi tù") is a time after it.
  const ownWords = (m: Match) => (m.concept === 'when.safe' || m.concept === 'when.past') && m.start >= harm.start && m.start < harm.end - 1;
  const inClause = matches.filter(
    (m) => m.concept.startsWith('when.') && m.clause === harm.clause && !compared(m) && !after(m) && !reason(m) && !stillLater(m) && !ownWords(m),
  );
  // "muốn hỏi về việc bị đánh năm ngoái": a past time right after the harm dates it, whatever
  // "bây giờ" says about the asking.
  // "đang" on the harm keeps it now.
  const dated = inClause.some((m) => (m.concept === 'when.past' || m.concept === 'when.safe') && m.start >= harm.end && m.start - harm.end <= 3);
  const onHarm = inClause.some((m) => m.concept === 'when.progressive' && m.end <= harm.start && harm.start - m.end <= 1);
  if (dated && !onHarm) return 'past';
  // "chồng không đánh nữa mà đang cầm dao đứng chặn cửa": "đang" on the harm, after a safe marker told before it
  // ("không … nữa", "đã ly hôn"), is what he does now; a past time ("năm ngoái") still dates it.
  const progressiveAt = inClause.find((m) => m.concept === 'when.progressive' && m.end <= harm.start && harm.start - m.end <= 1);
  if (
    progressiveAt &&
    !inClause.some((m) => m.concept === 'when.past') &&
    inClause.some((m) => m.concept === 'when.safe') &&
    inClause.every((m) => m.concept !== 'when.safe' || m.end <= progressiveAt.start)
  )
    return 'now';
  // "hồi đó anh ta nói sẽ giết em khi về", "hồi đó ck hay nhắn tối nay về sẽ cho biết tay": the "tonight" or "will" of words
  // he said then is of that time — the last time told before the verb of saying is a past one.
  if (saidThen(harm, matches, tokens)) return 'past';
  // "hắn nói ngày mai ra tòa xong là hắn xử em", "mai nó qua chém cả nhà": a threat or a weapon for tomorrow or in a
  // moment, in its own clause and with nothing there dating it past, is about to happen (the weeks ahead are not).
  const dueSoon = inClause.some(
    (m) =>
      m.concept === 'when.soon' &&
      NEAR_SOON.test(
        tokens
          .slice(m.start, m.end)
          .map((t) => fold(t.text))
          .join(' '),
      ),
  );
  if ((what === 'threat' || what === 'weapon') && dueSoon && !inClause.some((m) => m.concept === 'when.past' || m.concept === 'when.safe')) return 'now';
  let own = rank(inClause, harm, what);
  // "giờ nó hay đánh em": "hay", "thường" on the verb make it a habit, whatever "now" the clause is told in.
  // "giờ thỉnh thoảng em vẫn buồn nôn": now and then, said anywhere before it in its clause, is no sign of now either.
  const habitOnHarm = inClause.some(
    (m) =>
      m.concept === 'when.habitual' &&
      m.end <= harm.start &&
      (harm.start - m.end <= 1 ||
        SOMETIMES.test(
          tokens
            .slice(m.start, m.end)
            .map((t) => t.text)
            .join(' '),
        )),
  );
  if (own === 'now' && habitOnHarm && !onHarm && !inClause.some((m) => /^when\.(just|present|near)$/.test(m.concept))) own = 'habitual';
  // "bố đánh mẹ suốt 20 năm, nay bố đã mất": he is gone, so what went on has ended.
  const gone = matches.some((m) => m.concept === 'when.safe' && m.clause !== harm.clause);
  // "mẹ mất rồi, em chỉ muốn đi theo mẹ cho xong": someone's death told is no end to her wish to die.
  const death = (m: Match) => m.concept === 'when.safe' && tokens.slice(m.start, m.end).some((t) => /^(mất|mat|chết|chet|qua đời|đời|doi)$/.test(t.text));
  const mourned = what === 'selfharm' && matches.every((m) => m.concept !== 'when.safe' || m.clause === harm.clause || death(m));
  // "con em đi lạc hôm qua, tối qua đã tìm được rồi", "bị bắt đi hôm qua, đã được giải cứu": a child
  // missing or taken who is found or freed after it is no longer gone, whenever she went ("đi tù" before
  // "giờ đang trên xe ra biên giới" is someone else's prison).
  if ((what === 'taken' || (what as string) === 'missing') && matches.some((m) => m.concept === 'ctx.recovered' && m.start >= harm.end)) return 'past';
  // "anh ruột đánh bố trọng thương, giờ bố mất": the one it was done to has since died, so it is over. Only the object of a
  // harm in its clause counts (the word right after that harm): "bố dượng đánh con bé suốt, giờ mẹ mất" still has the child
  // beaten.
  const objects = new Set(matches.filter((m) => m.concept.startsWith('what.') && m.clause === harm.clause).map((m) => fold(tokens[m.end]?.text ?? '-')));
  // Not with him beside her or at hand, nor with her afraid ("sợ", not the worry a post closes on, "em lo quá"): "… giờ bố
  // mất, em sợ lắm, nó đang ở nhà" is a man who hurt her father, with her now.
  const afraid = (m: Match) => m.concept === 'frame.fear' && tokens.slice(m.start, m.end).some((t) => /^(so|hoang)$/.test(fold(t.text)));
  const victimDied =
    !matches.some((m) => m.concept === 'when.near' || m.concept === 'when.present' || afraid(m)) &&
    matches.some((d) => d.concept === 'ctx.died' && d.start >= harm.end && objects.has(fold(tokens[d.start]?.text ?? '')));
  if ((gone || victimDied) && !mourned && (own === 'ongoing' || own === 'habitual' || own === 'none')) return 'past';
  // "lúc còn ở với bố dượng, em hay bị nhốt": a habit under a past frame set by an earlier clause
  // is a habit of that time.
  // "hồi còn chung sống, tối nào nó cũng đánh em": "every night" under that frame is a habit of that time too.
  const everyOnly = own === 'ongoing' && inClause.some((m) => m.concept === 'when.every') && !inClause.some((m) => m.concept === 'when.ongoing');
  if ((own === 'habitual' || everyOnly) && matches.some((m) => m.concept === 'when.past' && m.clause < harm.clause)) return 'past';
  if (everyOnly && everyAskedAsLaw(matches, tokens, what)) return 'habitual';
  if (own !== 'none') return own;
  // From other clauses: not "đang" (it qualifies its own verb) nor "bây giờ" ("năm ngoái nó đánh
  // em. Bây giờ em muốn ly hôn"), but a presence cue ("hắn đang đứng ngoài cửa") counts.
  const elsewhere = matches.filter(
    (m) =>
      m.concept.startsWith('when.') && m.clause !== harm.clause && m.concept !== 'when.progressive' && m.concept !== 'when.now' && m.concept !== 'when.near',
  );
  const away = rank(
    elsewhere.filter((m) => !(mourned && death(m))),
    harm,
    what,
  );
  // "ngày nào cũng chê bai, bắt em quỳ xin lỗi, như vậy có phải bạo lực không": "every day" told in another clause,
  // asked as law, is a habit too.
  if (away === 'ongoing' && elsewhere.every((m) => m.concept !== 'when.ongoing' && m.concept !== 'when.again') && everyAskedAsLaw(matches, tokens, what))
    return 'habitual';
  return away;
}

/** Times a day or less away (when.soon, folded): tomorrow, in a moment. */
const NEAR_SOON = /^((sang|toi|dem|chieu|ngay) )?mai$|^(lat|ti|chut) nua$/;

/** A parent (folded): the one who may set a child's house rules. */
const PARENT = /^(bo|me|cha|ba|ma|bo me|cha me|ba me|bo duong|me ke)$/;

/**
 * An animal (ctx.animal: "con gà", "con chó") told before a confinement in its clause or the one before, with no person
 * between them or after the verb in its clause but "nó" (the animal again) or an owner after "nhà"/"của" ("con gà nhà tôi
 * chạy sang bị nhà bên bắt nhốt", "nuôi con chó dữ, xích nó ở cổng"): the animal is the one shut in or chained.
 */
function animalHeld(m: Match, matches: Match[], tokens: Token[]): boolean {
  if (m.concept !== 'what.confine') return false;
  const animal = matches
    .filter((a) => a.concept === 'ctx.animal' && a.end <= m.start && a.clause >= m.clause - 1)
    .sort((a, b) => a.end - b.end)
    .at(-1);
  if (!animal) return false;
  const clauseEnd = tokens.findLastIndex((t) => t.clause === m.clause) + 1;
  const owner = (p: Match) => /^(nha|cua)$/.test(fold(tokens[p.start - 1]?.text ?? ''));
  const itAgain = (p: Match) => p.end - p.start === 1 && fold(tokens[p.start]!.text) === 'no';
  // "con mèo nhà em bị hàng xóm nhốt": the one after "bị" is who shut it in.
  const agent = (p: Match) => fold(tokens[p.start - 1]?.text ?? '') === 'bi' && p.end <= m.start;
  return !matches.some(
    (p) =>
      p.concept.startsWith('who.') &&
      p.start >= animal.end &&
      p.start < clauseEnd &&
      (p.start < m.start || p.start >= m.end) &&
      !owner(p) &&
      !itAgain(p) &&
      !agent(p),
  );
}

/**
 * "nhà chồng thu điện thoại của em, không cho em về bên ngoại": a confinement read only in the phone taken ("thu điện
 * thoại", "giữ điện thoại" are also what.confine), beside her ties to her people cut, is control with no door shut on her
 * (rule cut-off-at-home, urgent) whatever verb took the phone. A lock or "nhốt" told beside it is its own confinement.
 */
function phoneTakenOnly(m: Match, matches: Match[]): boolean {
  return (
    m.concept === 'what.confine' &&
    matches.some((i) => i.concept === 'ctx.isolate') &&
    matches.some((n) => n.concept === 'ctx.nophone' && n.start <= m.start && n.end >= m.end)
  );
}

/**
 * "mẹ giữ điện thoại của em, mẹ có quyền không", "bố tịch thu điện thoại, không cho em ra ngoài chơi, bố có quyền làm thế
 * không": a parent keeping a phone or a child in, asked whether they may ("có quyền", "có được", a clause ending in
 * "không"), is a house rule asked as law — not a child held — when nothing else hurts her and nothing says now. Only the
 * phone or going out: a room locked on her ("khóa trái", "nhốt") stays confinement.
 */
function houseRule(m: Match, matches: Match[], tokens: Token[]): boolean {
  if (m.concept !== 'what.confine') return false;
  const text = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .map((t) => fold(t.text))
      .join(' ');
  // Shut in by force ("nhốt", "khóa trái", "trói") is no house rule, whatever it is for.
  if (/nhot|khoa trai|troi|xich|giam/.test(text(m.start, m.end))) return false;
  // The phone, or going out ("ra ngoài chơi", "đi chơi đêm"), told in the clause: "khóa cửa không cho tôi đi chơi đêm".
  const clause = tokens.map((t, i) => [t, i] as const).filter(([t]) => t.clause === tokens[m.start]!.clause);
  if (!/dien thoai|ra ngoai|ra khoi nha|di choi/.test(text(clause[0]![1], clause.at(-1)![1] + 1))) return false;
  const parent = matches.some((k) => k.concept === 'who.kin' && PARENT.test(text(k.start, k.end)));
  const asks =
    tokens.some((t, i) => fold(t.text) === 'quyen' && fold(tokens[i - 1]?.text ?? '') === 'co') ||
    askedSo(tokens) ||
    matches.some((g) => /^frame\.(legal|general|lawful)$/.test(g.concept));
  const other = matches.some((h) => h.concept.startsWith('what.') && h.concept !== 'what.confine');
  const now = matches.some((w) => /^when\.(now|present|near|just|progressive)$/.test(w.concept));
  return parent && asks && !other && !now;
}

/** Verbs that report what he said or wrote: what follows them is his words, timed as he spoke. */
const SAID = /^(nói|noi|nhắn|nhan|bảo|dọa|doa|hăm|thề|tuyên|chửi|hét|viết)$/;

/**
 * A harm inside words he said (a verb of saying before it in its clause) when the last time told before that verb is a
 * past one ("hồi đó", "năm ngoái") and only a habit or nothing stands between: "tối nay", "sẽ" there are his then.
 * Not when anything else in the message says now ("giờ nó đang đứng ngoài cửa").
 */
function saidThen(harm: Match, matches: Match[], tokens: Token[]): boolean {
  const said = tokens.findLastIndex((t, i) => i < harm.start && t.clause === harm.clause && SAID.test(t.text));
  if (said < 0) return false;
  const before = matches.filter((m) => m.concept.startsWith('when.') && m.end <= said && m.concept !== 'when.habitual');
  const last = before.sort((a, b) => a.end - b.end).at(-1);
  if (last?.concept !== 'when.past') return false;
  return !matches.some((m) => /^when\.(progressive|present|near|just)$/.test(m.concept) && m.start > said);
}

/**
 * "ngày nào cũng chửi, bắt em quỳ, như vậy có phải bạo lực gia đình không": a harm that is not severe, going on only as
 * "every day" (when.every), with nothing of now in the message and asked as law, is told as a habit — for the hotline
 * above the answer (violence-at-home), not the police now. A weapon, confinement or abuse every night stays going on.
 */
function everyAskedAsLaw(matches: Match[], tokens: Token[], what: What): boolean {
  // Every day ("ngày nào cũng", "hằng ngày"), not every night ("tối nào cũng", "cứ tối" — typed "cu toi" also "cứ tới",
  // he keeps coming): the night is when he comes for her.
  const daily = (m: Match) =>
    tokens
      .slice(m.start, m.end)
      .map((t) => fold(t.text))
      .some((w) => w === 'ngay' || w === 'hom');
  return (
    !SEVERE.has(what) &&
    matches.filter((m) => m.concept === 'when.every').every(daily) &&
    matches.some((m) => m.concept === 'frame.legal' || m.concept === 'frame.general' || m.concept === 'frame.lawful') &&
    !matches.some((m) => /^when\.(now|present|just|near|progressive|soon|ongoing)$/.test(m.concept))
  );
}

/**
 * "nếu chồng đánh vợ thì…", "khi phát hiện học sinh bị xâm hại…": a harm after "nếu" in its
 * clause, before any "thì", is a supposition; so is one she asks how to do. In a threat the harm follows "thì" ("nó dọa nếu
 * em về thì nó giết em") and stays real.
 */
function supposed(harm: Match, matches: Match[], tokens: Token[]): boolean {
  // "bỏ thuốc gì vào nước cho chồng uống": a message opening with the act and asking how is her
  // request (left to the refusals), not something done to her.
  // "bỏ thuốc gì vào rượu để ông hàng xóm say ngất": what the act is for ("say ngất") is hers to intend too.
  const opensAsking = (m: Match) =>
    m.start === 0 && m.concept.startsWith('what.') && !m.concept.endsWith('selfharm') && tokens.some((t) => t.clause === m.clause && /^(gì|nào)$/.test(t.text));
  if (!harm.concept.endsWith('selfharm') && (opensAsking(harm) || matches.some((m) => opensAsking(m) && m.clause === harm.clause))) return true;
  // "cách dọa người yêu cũ để nó trả tiền": the way to do a harm, asked for, is her request.
  if (!harm.concept.endsWith('selfharm') && /^(cách|cach)$/.test(tokens[harm.start - 1]?.text ?? '')) return true;
  if (casePut(harm, matches, tokens) || asksWhether(harm, tokens) || asksHowToTell(harm, tokens)) return true;
  return matches.some((m) => {
    // "viết giúp em một tin nhắn đòi nợ, có câu …": the text she asks to have written runs on past
    // the clause, to the end of the message.
    if ((m.clause !== harm.clause && m.concept !== 'frame.write') || m.start >= harm.start) return false;
    // "em muốn về nhà mà họ không cho": a frame ending inside the harm's phrase is part of what is done to her.
    if (m.end > harm.start) return false;
    if (m.concept === 'frame.hypothetical') {
      // "nó dọa nếu em về thì nó giết em": the harm after "thì" is what will happen — unless the
      // rest of the clause asks about it ("nếu vợ bị nhốt thì hàng xóm có được phá cửa vào không").
      const threatened = tokens.slice(0, m.start).some((t) => /^(dọa|doạ|doa|hăm|nói|bảo|nhắn)$/.test(t.text));
      for (let i = m.end; i < harm.start; i++) if (/^(thì|thi)$/.test(tokens[i]!.text)) return !threatened && asksAfter(i, tokens);
      // "nó dọa nếu em không ra sẽ tung ảnh": "sẽ" after a threat's condition says what he will do, as "thì" does.
      // Only after a word of threat: "bố nói nếu em thi trượt sẽ đánh" is what he says may happen.
      const menaced = tokens.slice(0, m.start).some((t) => /^(dọa|doạ|doa|hăm|ham|nhắn|nhan)$/.test(t.text));
      if (menaced && tokens.slice(m.end, harm.start + 1).some((t) => /^(sẽ|se)$/.test(t.text))) return false;
      return true;
    }
    // "chỉ em cách bỏ thuốc vào cơm cho chồng", "thuê người đánh…": a harm she asks how to do is
    // one she intends, not one done to her — unless she suffers it ("làm sao để thoát khi bị nhốt").
    // "chỉ em cách trốn khi chồng đang cầm dao": someone else acting, or "khi"/"đang", makes it real.
    // "em muốn nhắn tin dọa con bồ": what she wants to do is hers to intend — but never her own
    // thoughts of dying, which are the danger.
    const hers = m.concept === 'frame.intent' && !harm.concept.endsWith('selfharm') && (m.end - m.start > 1 || m.start === 0);
    // "làm thế nào tự tử không đau", "chỉ em cách tự tử": asking how to die is the danger, never a request to
    // refuse — unless she asks for a text written about it ("viết giúp em bài văn về tự tử").
    if (m.concept === 'frame.howto' && harm.concept.endsWith('selfharm') && !/^(viết|viet|soạn|soan|nhắn|nhan)$/.test(tokens[m.start]!.text)) return false;
    if (m.concept === 'frame.howto' || m.concept === 'frame.write' || hers) {
      for (let i = m.end; i < harm.start; i++) if (SOMEONE_ELSE_ACTS.test(tokens[i]!.text)) return false;
      // "chồng cũ thuê giang hồ đến đánh em", "nó nhờ người đánh em": someone else hires or gets others
      // to do it — the harm is done to her.
      if (/^(thuê|thue|nhờ|nho)$/.test(tokens[m.start]!.text) && hiredBySomeoneElse(m, matches, tokens)) return false;
      return true;
    }
    return false;
  });
}

/**
 * "chồng cũ thuê…", "con bồ thuê người đánh em": someone is named before "thuê", "nhờ" in its clause,
 * and neither she ("em muốn thuê…") nor her asking how ("làm sao", "cách", "giá bao nhiêu"… before it) is.
 */
function hiredBySomeoneElse(frame: Match, _matches: Match[], tokens: Token[]): boolean {
  const before = tokens.slice(0, frame.start).filter((t) => t.clause === frame.clause);
  if (!before.length) return false;
  return !before.some((t) => PRONOUN_SELF.test(t.text) || /^(muốn|muon|cách|cach|sao|định|dinh|cần|can|giúp|giup|nên|nen)$/.test(t.text));
}

/** "một mình" (alone) at token i: "mình" there is no speaker. */
const aloneAt = (i: number, tokens: Token[]) => /^(mình|minh)$/.test(tokens[i]?.text ?? '') && /^(một|mot)$/.test(tokens[i - 1]?.text ?? '');

/** She herself: first-person words. */
const PRONOUN_SELF = /^(em|e|tôi|toi|mình|minh|tui|tớ|tao|tau|t)$/;

/**
 * "người vợ bị chồng nhốt trong nhà thì hàng xóm có được phá cửa không": a clause about someone
 * in general (who.general, and neither she nor her child), turned by "thì" into a question, puts a
 * case — the harm before "thì" and what she asks may be done after it.
 */
function casePut(harm: Match, matches: Match[], tokens: Token[]): boolean {
  const then = tokens.findIndex((t) => t.clause === harm.clause && /^(thì|thi)$/.test(t.text));
  if (then < 0 || !asksAfter(then, tokens)) return false;
  // "bỏ con nhỏ ở nhà một mình thì cha mẹ có bị phạt không": "một mình" names no one.
  const before = (concept: string) =>
    matches.some((m) => m.concept === concept && m.clause === harm.clause && m.start < then && !(m.end - m.start === 1 && aloneAt(m.start, tokens)));
  if (before('who.child.own')) return false;
  if (before('who.general') && !before('who.self')) return true;
  // "bị chồng đánh thì báo ở đâu": a clause with no one named, not even her ("em", "tôi"), turned
  // into a question, asks about anyone it may happen to.
  const named = tokens.some((t, i) => i < then && t.clause === harm.clause && PRONOUN.test(t.text) && !aloneAt(i, tokens));
  // "… thì hàng xóm có được phá cửa vào cứu không": after "thì", what she asks whether someone may do.
  const askedLeave = harm.start > then && tokens.slice(then, harm.start).some((t) => /^(duoc|nen|quyen)$/.test(fold(t.text)));
  // "chồng đang cầm dao đứng ngoài cửa thì em có được đánh lại không": a harm going on now ("đang"
  // just before it), and she asks what she may do about it — her own danger asked as law, no case put.
  const going = matches.some(
    (m) => m.concept === 'when.progressive' && m.clause === harm.clause && m.end <= harm.start && harm.start - m.end <= PROGRESSIVE_REACH,
  );
  const hersAfter = tokens.some((t, i) => i > then && t.clause === harm.clause && PRONOUN.test(t.text));
  if (harm.start < then && going && hersAfter && !before('frame.hypothetical')) return false;
  return !named && !before('who.specific') && !before('who.other') && !before('who.child.named') && (harm.start < then || askedLeave);
}

/**
 * "có ai bị bắt cóc ở xã mình không": asking whether it happened to anyone is not telling it happened;
 * nor is asking how to find out whether it happens ("làm thế nào để biết con mình có bị xâm hại ở
 * trường không"), or whether it is that at all ("con bé hay sợ người lạ, có phải bị xâm hại không").
 */
function asksWhether(harm: Match, tokens: Token[]): boolean {
  const clause = tokens.filter((t) => t.clause === harm.clause);
  if (fold(clause.at(-1)!.text) !== 'khong') return false;
  const at = tokens.findIndex((t, i) => t.clause === harm.clause && i < harm.start && fold(t.text) === 'co' && fold(tokens[i + 1]?.text ?? '') === 'ai');
  if (at >= 0 && fold(tokens[at + 2]?.text ?? '') !== 'do') return true;
  // "có phải là lừa bán người không": "là" may stand between "có phải" and the harm.
  const isItFar = (i: number) => harm.start - i === 4 && fold(tokens[i + 1]?.text ?? '') === 'phai' && fold(tokens[i + 2]?.text ?? '') === 'la';
  const whether = tokens.findIndex((t, i) => t.clause === harm.clause && i < harm.start && (harm.start - i <= 3 || isItFar(i)) && fold(t.text) === 'co');
  if (whether < 0) return false;
  const know = tokens.slice(0, whether).some((t) => t.clause === harm.clause && FIND_OUT.test(fold(t.text)));
  // "có phải bị xâm hại không": whether it is abuse at all — a suspicion, not a telling.
  const isIt = fold(tokens[whether + 1]?.text ?? '') === 'phai';
  return know || isIt;
}

/**
 * "làm sao biết con mình bị xâm hại", "cách phát hiện trẻ bị bạo hành": asking how to tell whether it
 * happens — "làm sao", "làm thế nào", "cách" with a word of finding out right after — is no telling.
 */
function asksHowToTell(harm: Match, tokens: Token[]): boolean {
  const before = tokens.slice(0, harm.start).map((t, i) => ({ w: fold(t.text), i, clause: t.clause }));
  return before.some(
    ({ w, i, clause }) =>
      clause === harm.clause &&
      (w === 'cach' || (w === 'sao' && fold(tokens[i - 1]?.text ?? '') === 'lam') || (w === 'nao' && fold(tokens[i - 1]?.text ?? '') === 'the')) &&
      tokens.slice(i + 1, i + 4).some((t, k) => FIND_OUT.test(fold(t.text)) && (k === 0 || /^(de|duoc|minh|em|toi)$/.test(fold(tokens[i + 1]!.text)))),
  );
}

/** Words of finding out (folded): "biết", "phát hiện", "kiểm tra", "nhận ra". */
const FIND_OUT = /^(biet|phat|kiem|nhan)$/;

/** First-person words: she speaks of herself. */
const PRONOUN = /^(em|tôi|toi|tao|mình|minh|tui|tớ|to|con|cháu|chau|mẹ|me)$/;

/** Now and then (when.habitual): "thỉnh thoảng", "đôi khi", "lâu lâu", "đôi lúc". */
const SOMETIMES = /^(thỉnh thoảng|thinh thoang|đôi khi|doi khi|lâu lâu|lau lau|đôi lúc|doi luc)$/;

/**
 * Strongest time among markers. "bây giờ" beats a past marker (it is said to update the past);
 * a past or safe marker ("năm ngoái", "đang ngồi tù") beats "đang", "vẫn" and "mỗi đêm" (which
 * then describe the past). "đang" counts only just before its harm: in "em đang ở nhà mẹ, chồng
 * đánh em hôm qua" it qualifies being at her mother's, not the beating.
 */
function rank(markers: Match[], harm: Match, what: What): When {
  const c = (name: string) => markers.some((m) => m.concept === name);
  const progressive = markers.some(
    (m) => m.concept === 'when.progressive' && m.start <= harm.start && (harm.start - m.end <= PROGRESSIVE_REACH || CONTINUING.has(what)),
  );
  if (c('when.now') || c('when.present') || c('when.just') || c('when.near')) return 'now';
  if (c('when.past') || c('when.safe')) return 'past';
  if (progressive) return 'now';
  // "mấy ngày nay", "từ tuần trước" (up to now) and "đêm nào cũng" (every night, when.every) go on now.
  if (c('when.ongoing') || c('when.every')) return 'ongoing';
  // "anh ấy lại cầm dao rồi" is going on again; "mỗi lần say về lại đánh" is a habit.
  if (c('when.again')) return c('when.habitual') ? 'habitual' : 'ongoing';
  if (c('when.recent')) return 'recent';
  if (c('when.habitual')) return 'habitual';
  return 'none';
}

/**
 * Between "chỉ em cách" / "em muốn" and a harm, a word saying that someone else acts, that she
 * suffers it ("bị"), that it is happening or has happened ("đang", "đã", "khi"), or why ("vì"):
 * the harm is real, not hers to intend.
 */
const SOMEONE_ELSE_ACTS =
  /^(bị|bi|khi|lúc|luc|đang|dang|đã|vì|vi|do|bởi|chồng|chong|nó|no|hắn|han|anh|ông|ong|thằng|thang|gã|lão|mụ|bố|cha|chú|bác|cậu|dượng|duong|người|họ|bọn|tụi)$/;

/** Word pairs that make the rest of a clause a question about what comes before it (folded). */
const QUESTION_PAIRS = new Set([
  'co duoc',
  'co phai',
  'co quyen',
  'co bi',
  'co nen',
  'duoc khong',
  'phai khong',
  'bi phat',
  'bi xu',
  'toi gi',
  'the nao',
  'ra sao',
  'nhu nao',
  'lam sao',
  'goi ai',
  'bao ai',
  'cho ai',
  'o dau',
  'so nao',
  'lam gi',
  'ai nuoi',
]);

/** Does the clause after token i ask a question: a legal one, or one ending in "không"? */
function asksAfter(i: number, tokens: Token[]): boolean {
  const rest: string[] = [];
  for (let j = i + 1; j < tokens.length && tokens[j]!.clause === tokens[i]!.clause; j++) rest.push(fold(tokens[j]!.text));
  return rest.at(-1) === 'khong' || rest.some((w, k) => QUESTION_PAIRS.has(`${w} ${rest[k + 1] ?? ''}`));
}

/** "không đánh nữa", "chưa bị đánh", "không nhắn tin dọa nữa": a harm said not to happen. */
function negated(m: Match, tokens: Token[]): boolean {
  // "không … nữa": a negation up to four words before a harm that "nữa" closes has stopped.
  const stops = tokens.slice(m.end, m.end + 3).some((t) => t.clause === tokens[m.start]!.clause && /^(nữa|nua)$/.test(t.text));
  for (let i = m.start - 1; i >= Math.max(0, m.start - (stops ? 4 : 2)); i--) {
    if (tokens[i]!.clause !== m.clause) return false;
    // "thằng chả", "ông chả" (Southern: that man) is a pronoun, not "chả" (not).
    if (/^(chả|cha)$/.test(tokens[i]!.text) && /^(thằng|thang|ông|ong|bà|ba|lão|lao)$/.test(tokens[i - 1]?.text ?? '')) continue;
    // "không thì đánh", "không là chết": "otherwise", what he will do if she refuses — no negation.
    if (/^(không|khong)$/.test(tokens[i]!.text) && /^(thì|thi|là|la)$/.test(tokens[i + 1]?.text ?? '')) continue;
    // "nếu không ra sẽ tung ảnh": a negation opening the condition negates the condition, not what he will do.
    if (/^(không|khong|ko|k)$/.test(tokens[i]!.text) && /^(nếu|neu|hễ|he)$/.test(tokens[i - 1]?.text ?? '')) continue;
    if (/^(không|khong|chưa|chua|chẳng|chang|chả|cha|thôi|thoi)$/.test(tokens[i]!.text)) return true;
  }
  return false;
}

/** "tội cưỡng ép kết hôn", "hành vi bạo lực": a harm named as a crime or an act in the law is a subject, not something happening. */
function crimeName(m: Match, tokens: Token[]): boolean {
  for (let i = m.start - 1; i >= Math.max(0, m.start - 2); i--) {
    if (tokens[i]!.clause !== m.clause) return false;
    // "phạm tội hiếp dâm con em" is a crime done to her child.
    if (fold(tokens[i - 1]?.text ?? '') === 'pham') return false;
    if (tokens[i]!.text === 'tội' || (tokens[i]!.text === 'toi' && /^(ve|cac|khung|muc)$/.test(fold(tokens[i - 1]?.text ?? '')))) return true;
  }
  return false;
}

/** "cách đây 2 tiếng" is recent, not the past "cách đây": a time phrase inside a longer one of another kind is dropped. */
function longestTimes(matches: Match[]): Match[] {
  const when = (m: Match) => m.concept.startsWith('when.');
  return matches.filter(
    (m) => !when(m) || !matches.some((o) => when(o) && o.concept !== m.concept && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
}

/** Who may be led away: she, a child, or someone she names. */
const LED = /^who\.(self|child|child\.own|child\.named|other)$/;

/**
 * A taking told without a word for it: "có ông lạ đón con bé nhà em…, giờ gọi không ai nghe",
 * "lôi con bé vào kho rồi đóng cửa". Someone leads, carries or lures a person (act.take right
 * before who.*) and later that person is shut in (ctx.shut), or out of reach (ctx.away) when the
 * one who took her is not the child's parent or grandparent (who.kin before the verb: "mẹ chồng
 * đón con về nuôi, gọi không nghe máy" is a custody question). Read as a taking at the verb, so
 * its time is read like any harm's. Never in a question about custody or the law (frame.legal).
 */
function takenOutOfReach(matches: Match[], tokens: Token[], legal: boolean): Match[] {
  if (legal) return [];
  const after = (t: Match, concept: string) => matches.some((u) => u.concept === concept && u.start > t.start);
  // "thằng bồ cũ" typed "thang bo cu" is no father: a kin word after "thằng", "gã" is someone else.
  const kin = (k: Match) => k.concept === 'who.kin' && !/^(thằng|thang|gã|ga)$/.test(tokens[k.start - 1]?.text ?? '');
  const byKin = (t: Match) => matches.some((k) => kin(k) && k.clause === t.clause && k.end <= t.start);
  // "em gái em 14 tuổi bỏ nhà theo người quen trên facebook, giờ ở đâu không biết": a child who went
  // off with someone, and is now out of reach, is taken whoever led.
  const child = matches.some((m) => /^who\.child/.test(m.concept));
  const followed = child ? matches.filter((t) => t.concept === 'act.follow' && after(t, 'ctx.away')) : [];
  // "ông hàng xóm đang dắt con bé nhà bên vào vườn chuối": a man who is not her kin leading a
  // child to a place out of sight (ctx.secluded) — a grandmother taking her to the garden is not.
  const manLeadsChildAside = (t: Match) =>
    after(t, 'ctx.secluded') &&
    matches.some((p) => /^who\.child/.test(p.concept) && p.start >= t.end && p.start <= t.end + 1) &&
    matches.some((m) => m.concept === 'who.man' && m.clause === t.clause && m.end <= t.start) &&
    !byKin(t);
  return [...followed, ...matches]
    .filter(
      (t) =>
        followed.includes(t) ||
        (t.concept === 'act.take' &&
          matches.some((p) => LED.test(p.concept) && p.start >= t.end && p.start <= t.end + 1) &&
          (after(t, 'ctx.shut') || (after(t, 'ctx.away') && !byKin(t)) || manLeadsChildAside(t))),
    )
    .map((t) => ({ ...t, concept: 'what.taken' }));
}

/** Someone married off: the groom after "lấy" ("phải lấy thằng con ông trưởng họ"), not a thing taken ("phải lấy tiền"). */
const GROOM = /^(chồng|chong|ck|vợ|vo|ông|ong|thằng|thang|người|nguoi|anh|lão|lao|gã|ga|một|mot|nó|no|hắn|han|con)$/;

/**
 * Forced to marry however long the one forced is described: "ép/bắt" right before a person, then "phải
 * lấy/cưới/kết hôn" later in the clause ("bắt đứa cháu gái 14 tuổi vừa học xong lớp 8 ở trường huyện phải cưới
 * thằng con nhà giàu"). The phrase gap of "ép ~ cưới" counts three words; the obligation "phải" ties the two —
 * not "không phải", nor "rồi mới phải lấy chồng" (an order of things, not a wedding forced).
 */
function forcedToWed(matches: Match[], tokens: Token[]): Match[] {
  const out: Match[] = [];
  tokens.forEach((t, i) => {
    if (!/^(ép|ep|bắt|bat)$/.test(t.text) || !matches.some((m) => /^who\./.test(m.concept) && m.start === i + 1)) return;
    for (let j = i + 2; j + 1 < tokens.length && tokens[j + 1]!.clause === t.clause; j++) {
      if (fold(tokens[j]!.text) !== 'phai' || /^(khong|chua|chang|moi)$/.test(fold(tokens[j - 1]!.text))) continue;
      const [verb, next] = [fold(tokens[j + 1]!.text), tokens[j + 2]];
      const weds =
        verb === 'cuoi' ||
        (verb === 'ket' && fold(next?.text ?? '') === 'hon') ||
        (verb === 'lay' && next !== undefined && next.clause === t.clause && GROOM.test(next.text));
      if (weds) {
        out.push({ concept: 'what.married', start: i, end: j + 2, clause: t.clause });
        return;
      }
    }
  });
  return out;
}

/**
 * Money demanded on pain of something left unsaid (ctx.ransom: "không đưa tiền thì…") by someone who says he will wait for
 * her child or pick him up (ctx.pickup: "chiều nay ra cổng trường đón con"): a threat to the child, read as what.threat at
 * the waiting, so the time he names ("chiều nay") dates it. Either alone is a debt or a school run.
 */
function ransomOnChild(matches: Match[], tokens: Token[], child: boolean): Match[] {
  // "chiều nay em ra cổng trường đón con", "em không có tiền thì…": her own school run or her own purse, told with herself
  // as the clause's first person.
  const hers = (m: Match) => matches.find((w) => w.concept.startsWith('who.') && w.clause === m.clause && w.start < m.start)?.concept === 'who.self';
  if (!matches.some((m) => m.concept === 'ctx.ransom' && !hers(m))) return [];
  const pickups = matches.filter((m) => m.concept === 'ctx.pickup' && !negated(m, tokens) && !hers(m));
  // "đón con", "chờ cháu" name the child themselves; "cổng trường" needs one named elsewhere.
  const named = child || pickups.some((m) => tokens.slice(m.start, m.end).some((t) => /^(con|cháu|chau|bé|be|thằng|thang)$/.test(t.text)));
  return named ? pickups.map((m) => ({ ...m, concept: 'what.threat' })) : [];
}

/**
 * A farewell (ctx.farewell: "em đi đây", "đừng tìm em") with her children or her papers handed on (ctx.entrust: "chị nuôi
 * giùm bé", "để thư trong ngăn kéo"): a goodbye before ending her life, though no word says death. Read as what.selfharm
 * at the farewell, so its time is its clause's. Either alone is a mother leaving for work or a letter left.
 */
function farewell(matches: Match[], tokens: Token[]): Match[] {
  if (!matches.some((m) => m.concept === 'ctx.entrust' && !negated(m, tokens))) return [];
  // "mẹ em không còn trên đời này nữa, em gửi con cho bà ngoại": someone else named as the one gone (a kin word, or her
  // pronoun only as its possessor, "mẹ em") is a death told, not her farewell.
  const someoneElse = (f: Match) => {
    const person = matches
      .filter((p) => p.concept.startsWith('who.') && p.clause === f.clause && p.end <= f.start)
      .sort((a, b) => a.end - b.end)
      .at(-1);
    if (!person) return false;
    // "bố mẹ đừng đi tìm con nữa": a farewell that opens on "đừng" is said to the person before it, not of them.
    if (fold(tokens[f.start]?.text ?? '') === 'dung') return false;
    if (person.concept !== 'who.self') return person.concept !== 'who.general';
    return matches.some((k) => k.concept.startsWith('who.') && k.concept !== 'who.self' && k.end === person.start);
  };
  return matches.filter((m) => m.concept === 'ctx.farewell' && !someoneElse(m)).map((m) => ({ ...m, concept: 'what.selfharm' }));
}

/**
 * "bố mẹ ép em sáng mai phải lên ủy ban xã ký giấy": made to sign however many words stand between — "ép", "bắt" or
 * "buộc" and, later in the same clause, "ký" (ctx.signed's phrases allow six).
 */
function forcedToSign(tokens: Token[]): boolean {
  return tokens.some((t, i) => /^(ép|bắt|buộc)$/.test(t.text) && tokens.some((k, j) => j > i && k.clause === t.clause && /^(ký|kí)$/.test(k.text)));
}

/** A husband or a daughter-in-law in a lure abroad ("lấy chồng Đài Loan", "làm dâu bên Hàn"): a marriage, not a job. */
const WEDS = /^(chồng|chong|dâu|dau|vợ|vo)$/;

/**
 * Made to sign papers (ctx.signed: "mẹ bắt em ngày mai lên huyện ký mấy tờ giấy") and a marriage abroad told anywhere in
 * the message ("ổng nói đưa em đi lấy chồng Đài Loan"): a forced marriage, read as what.married at the lure, as "ép em ký
 * giấy sang Trung Quốc lấy chồng" is when told in one breath. A job abroad beside papers signed stays a lure.
 */
function signedAway(matches: Match[], tokens: Token[]): Match[] {
  if (!matches.some((m) => m.concept === 'ctx.signed' && !negated(m, tokens)) && !forcedToSign(tokens)) return [];
  return matches
    .filter((m) => m.concept === 'what.lure' && tokens.slice(m.start, m.end).some((t) => WEDS.test(t.text)))
    .map((m) => ({ ...m, concept: 'what.married' }));
}

/** Moves on the street she makes and someone may copy (folded): stop, stand, step, turn, run, cross, turn back, speed, slow. */
const MOVE = /^(dung|dung lai|buoc|re|re trai|re phai|queo|chay|qua duong|sang duong|quay lai|quay dau|di nhanh|di cham|di vao|tap vao|nhanh|cham)$/;

/**
 * Someone copying her moves, told in any words ("em dừng thì nó dừng", "tôi bước, ông ta bước", "em rẽ trái hắn cũng rẽ
 * trái"): her pronoun and a move, then within a clause or the next one someone else (not a child: "em chạy thì con cũng
 * chạy" is a child at play) and, after "cũng", "lại" or nothing, the same move. Read as what.followed over the whole,
 * so with no past in the message it is now, as the signals.tsv rows ("em rẽ ~ cũng rẽ") are.
 */
function copiesHerMoves(matches: Match[], tokens: Token[]): Match[] {
  const f = (i: number) => fold(tokens[i]?.text ?? '');
  const moveAt = (i: number): number => (MOVE.test(`${f(i)} ${f(i + 1)}`) && tokens[i + 1]?.clause === tokens[i]?.clause ? 2 : MOVE.test(f(i)) ? 1 : 0);
  const out: Match[] = [];
  tokens.forEach((t, i) => {
    if (!PRONOUN_SELF.test(t.text)) return;
    const n = moveAt(i + 1);
    if (!n || tokens[i + 1]!.clause !== t.clause) return;
    const move = `${f(i + 1)}${n === 2 ? ` ${f(i + 2)}` : ''}`;
    for (let j = i + 1 + n; j < Math.min(tokens.length, i + 1 + n + 6); j++) {
      if (tokens[j]!.clause > t.clause + 1) break;
      const people = matches.filter((m) => m.start === j && m.concept.startsWith('who.') && m.concept !== 'who.self');
      if (!people.length) continue;
      if (people.some((m) => /^who\.child/.test(m.concept))) break;
      // "thằng đó": the person read whole, not "thằng" alone.
      let k = Math.max(...people.map((m) => m.end));
      if (/^(cung|lai)$/.test(f(k))) k++;
      const again = moveAt(k);
      if (again && `${f(k)}${again === 2 ? ` ${f(k + 1)}` : ''}` === move) out.push({ concept: 'what.followed', start: i, end: k + again, clause: t.clause });
      break;
    }
  });
  return out;
}

/**
 * Her phone taken or her calls stopped (ctx.nophone), or gas, smoke (ctx.gas) or heat (ctx.heat), and a door shut on her (ctx.shut), in any order ("thằng bạn trai khóa
 * cửa, lấy đt e"; "khóa hết cửa, cầm luôn điện thoại"): she is held and cannot call for help, though no word for
 * confinement is used. Read as a confinement over the phone's words, so its time is theirs ("hồi đó nó lấy điện thoại,
 * khóa cửa" stays past). Either alone is a quarrel or a house rule.
 */
function heldWithoutPhone(matches: Match[], tokens: Token[]): Match[] {
  if (!matches.some((m) => (m.concept === 'ctx.shut' || m.concept === 'ctx.held') && !negated(m, tokens))) return [];
  // "mẹ khóa cửa phòng, lấy điện thoại không cho em chơi game, em có được kiện không": a house rule asked as law, unless
  // something says it is happening as she writes.
  const asked = matches.some((m) => m.concept === 'frame.legal' || m.concept === 'frame.general');
  if (asked && !matches.some((m) => ['when.now', 'when.present', 'when.progressive', 'when.just', 'when.near'].includes(m.concept))) return [];
  // Gas smelt behind the shut door ("mùi ga nồng nặc, chồng khóa cửa bếp rồi bỏ đi") is a gas tap opened on her (a weapon).
  // Heat with no way out ("khóa hai đứa bé trong phòng mái tôn giữa trưa nắng, không có quạt") kills a child as fumes do.
  const as: Record<string, string> = { 'ctx.nophone': 'what.confine', 'ctx.gas': 'what.weapon', 'ctx.heat': 'what.weapon' };
  return matches.filter((m) => m.concept in as && !negated(m, tokens)).map((m) => ({ ...m, concept: as[m.concept]! }));
}

/**
 * A sack (ctx.sack) made ready with rope or tape (ctx.bind), or said to be "enough for you" (ctx.foryou: "từng này đủ cho
 * mày rồi"): a threat to take or kill her, read as what.weapon at the sack, so its time is its clause's. The person told
 * last before the sack must be someone else, unless the words are said to her: "em để sẵn mấy cái bao tải đựng lúa" is
 * her harvest, and sacks and rope alone are goods.
 */
function sackMadeReady(matches: Match[], tokens: Token[]): Match[] {
  const forYou = matches.some((m) => m.concept === 'ctx.foryou' && !negated(m, tokens));
  if (!forYou && !matches.some((m) => m.concept === 'ctx.bind')) return [];
  return matches
    .filter((m) => m.concept === 'ctx.sack' && !negated(m, tokens))
    .filter((m) => {
      if (forYou) return true;
      const person = matches
        .filter((p) => p.concept.startsWith('who.') && p.end <= m.start)
        .sort((a, b) => a.end - b.end)
        .at(-1);
      return person !== undefined && person.concept !== 'who.self' && person.concept !== 'who.general';
    })
    .map((m) => ({ ...m, concept: 'what.weapon' }));
}

/**
 * Someone passing as the police, an official or a teacher (ctx.impostor: "tự xưng công an", "giả làm thầy giáo", "mặc áo
 * công an gọi zalo") ordering her or her child to go somewhere now or alone (ctx.sentoff: "bảo nó ra ngay ga tàu một
 * mình", "bắt ra thuê khách sạn ở một mình"): a lure that takes her out of reach of anyone who would stop it. Read as a
 * taking at the order, so its time is read like any harm's ("năm 2019 … xưng công an gọi bắt ra Hà Nội" stays past). A
 * real summons asked about ("công an gọi em lên phường, em có phải đi không") names no impostor; a question about the
 * crime ("người giả danh công an … bị xử lý thế nào") names no order, and one asked as law with nothing now is left alone.
 */
function impostorSendsOff(matches: Match[], tokens: Token[]): Match[] {
  const impostor = matches.find((m) => m.concept === 'ctx.impostor' && !negated(m, tokens));
  if (!impostor) return [];
  const asked = matches.some((m) => m.concept === 'frame.legal' || m.concept === 'frame.general');
  if (asked && !matches.some((m) => ['when.now', 'when.progressive', 'when.just', 'when.near'].includes(m.concept))) return [];
  return matches.filter((m) => m.concept === 'ctx.sentoff' && m.start > impostor.start && !negated(m, tokens)).map((m) => ({ ...m, concept: 'what.taken' }));
}

/**
 * "có dao", "nó có súng": a blade or a gun someone has, at the end of its clause, is no "có dạo" (there was a time), which
 * opens what it dates and so never ends a clause. The time read there is dropped.
 */
function armedAtEnd(matches: Match[], tokens: Token[]): Match[] {
  const atEnd = (m: Match) => m.concept === 'ctx.armed' && tokens[m.end]?.clause !== tokens[m.end - 1]!.clause;
  return matches.filter((t) => !(t.concept.startsWith('when.') && matches.some((a) => atEnd(a) && a.start <= t.start && a.end >= t.end)));
}

/**
 * The whole message is a harm in a few words, written in haste ("bị trói", "ck đánh", "giúp, bị nhốt", "có dao"): she
 * tells her own plight, or someone's beside her, with no time to say more. Four syllables at most, with the harm done to
 * someone ("bị"), by someone named, or a weapon someone has — not a subject named for the law ("hiếp dâm", "bạo lực gia
 * đình"), nor anything asked, dated or put in general.
 */
function terseHarm(matches: Match[], tokens: Token[]): boolean {
  if (tokens.length > 4) return false;
  if (matches.some((m) => /^(frame\.(legal|general|advice|lawful|hearsay|media|benefit)|when\.(past|habitual|safe))$/.test(m.concept))) return false;
  const harm = matches.some((m) => m.concept.startsWith('what.') && !CONTEXT_ONLY.has(m.concept.slice(5) as What));
  const done = tokens.some((t) => /^(bị|bi)$/.test(t.text)) || matches.some((m) => m.concept.startsWith('who.'));
  // "chồng em có súng săn" names what he owns: the weapon must be the message's last word.
  return (harm && done) || matches.some((m) => m.concept === 'ctx.armed' && m.end === tokens.length);
}

/** Ages under 18 written as a number ("bé 9 tuổi", "con 16t"), or a grade she is in ("học lớp 8"). */
function mentionsMinor(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    const unit = /^(\d{1,2})(t|tuoi|tuổi)$/.exec(t);
    const n = unit ? Number(unit[1]) : /^\d{1,2}$/.test(t) && /^(tuổi|tuoi|t)$/.test(tokens[i + 1]?.text ?? '') ? Number(t) : NaN;
    // "dưới 16 tuổi", "từ đủ 16 tuổi": an age range in a rule, not a particular child.
    if (n < 18 && !/^(dưới|duoi|trên|tren|từ|tu|đủ|du|đến|den|quá|qua)$/.test(tokens[i - 1]?.text ?? '')) return true;
    // "con gái mới học lớp 8": a pupil told by the grade she is in is a minor too (lớp 1–12); so is one who says it of
    // herself or a child right after the person ("e lớp 7", "mik lớp 8 nè", "con em lớp 5"), not a class taught ("dạy lớp 7").
    if (/^([1-9]|1[0-2])$/.test(t) && /^(lớp|lop)$/.test(tokens[i - 1]?.text ?? '') && GRADE_OF.test(tokens[i - 2]?.text ?? '')) return true;
  }
  return false;
}

/** Words a school grade ("lớp 7") follows when it tells a pupil's age: "học", or the pupil herself or a child named. */
const GRADE_OF = /^(học|hoc|em|e|mình|minh|tôi|toi|tớ|to|tao|tau|t|con|cháu|chau|bé|be|nó|no)$/;

/** "…, như vậy có phạm tội không": a clause opening "như vậy", "như thế" and ending in "không" asks about what was told. */
function askedSo(tokens: Token[]): boolean {
  return tokens.some(
    (t, i) =>
      /^(như|nhu)$/.test(t.text) &&
      /^(vậy|vay|thế|the)$/.test(tokens[i + 1]?.text ?? '') &&
      fold(tokens.filter((x) => x.clause === t.clause).at(-1)!.text) === 'khong',
  );
}

/** Words that make a bare number after "mới" a quantity, not an age ("mới 12 giờ", "mới 15 triệu"). */
const UNIT =
  /^(giờ|gio|phút|phut|ngày|ngay|tháng|thang|năm|nam|tuần|tuan|triệu|trieu|nghìn|nghin|ngàn|ngan|k|tr|lần|lan|h|km|cm|kg|tiếng|tieng|buổi|buoi|đồng|dong|m|cái|cai|người|nguoi|đứa|dua)$/;

/**
 * A child under 16 in the message (BLHS 145: she cannot consent below 16): an age under 16 ("13 tuổi",
 * "13t", "mới 12", "she is 13"), a school grade up to lớp 9 ("học lớp 7", "lop 8"), or words for it
 * (ctx.underage: "chưa đến tuổi", "còn nhỏ"). "dưới 16 tuổi" in a question about the law is a range, not a child.
 */
function underSixteen(tokens: Token[], underage: boolean): boolean {
  if (underage) return true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    const prev = tokens[i - 1]?.text ?? '';
    const next = tokens[i + 1];
    const unit = /^(\d{1,2})(t|tuoi|tuổi)$/.exec(t);
    let n = unit ? Number(unit[1]) : /^\d{1,2}$/.test(t) && /^(tuổi|tuoi|t)$/.test(next?.text ?? '') ? Number(t) : NaN;
    // "con tôi mới 15", "my daughter is 13": a bare number after "mới" or "is", closing its clause or a phrase.
    if (Number.isNaN(n) && /^\d{1,2}$/.test(t) && /^(mới|moi|is)$/.test(prev) && (!next || next.clause !== tokens[i]!.clause || !UNIT.test(next.text)))
      n = Number(t);
    if (n < 16 && !/^(dưới|duoi|trên|tren|từ|tu|đủ|du|đến|den|quá|qua)$/.test(prev)) return true;
    // "học lớp 7", "lop 8": lớp 10 and above is 15 or more.
    // "em dạy lớp 7", "cô chủ nhiệm lớp 9": the class she teaches is no child's age.
    if (/^(lớp|lop)$/.test(prev) && /^[1-9]$/.test(t) && !/^(dạy|day|nhiệm|nhiem|viên|vien|cô|co|thầy|thay)$/.test(tokens[i - 2]?.text ?? '')) return true;
  }
  return false;
}

/** Someone to have sex with a child: a man, a teacher, a stranger, a lover ("người ta", "người yêu"), in English "man". */
const PARTNER = /^(thằng|thang|hắn|han|ông|ong|anh|chú|chu|bác|bac|thầy|thay|dượng|duong|gã|ga|lão|lao|người|nguoi|man|he|khách|khach)$/;

/** A stated age of 16 or more ("em 20 tuổi"), with no child under 16 beside it. */
function grownAge(tokens: Token[]): boolean {
  return tokens.some((tok, i) => {
    const unit = /^(\d{1,2})(t|tuoi|tuổi)$/.exec(tok.text);
    const n = unit ? Number(unit[1]) : /^\d{1,2}$/.test(tok.text) && /^(tuổi|tuoi)$/.test(tokens[i + 1]?.text ?? '') ? Number(tok.text) : NaN;
    return n >= 16;
  });
}

/**
 * Sex told in everyday words (act.intercourse: "quan hệ", "ăn nằm", "ngủ với", "có thai với") is sexual
 * abuse of a child when the message gives a child under 16; a euphemism for abuse (act.defile: "làm
 * chuyện ấy", "làm nhục", "làm hỏng đời", "động vào người") when it names a child and gives no age of 16
 * or more. Read as what.sexual at the phrase, so its time and negation are read like any harm's.
 */
function sexWithChild(matches: Match[], tokens: Token[], child: boolean): Match[] {
  const under = underSixteen(
    tokens,
    matches.some((m) => m.concept === 'ctx.underage'),
  );
  // "cháu bị làm nhục": a child speaking of herself ("cháu", "con") — not a wife ("con bị chồng…").
  const childSpeaks =
    matches.some((m) => m.concept === 'who.self' && /^(cháu|chau|con)$/.test(tokens[m.start]!.text)) &&
    !tokens.some((t) => /^(chồng|chong|ck|vợ|người yêu|ny)$/.test(t.text));
  const named = under || ((child || childSpeaks) && !grownAge(tokens));
  // Sex needs someone to have it with: a man or an adult named ("thằng 25 tuổi", "thầy giáo", "người ta"), or
  // the child made to suffer it ("bị … quan hệ") — not "ly hôn thì con 6 tuổi ngủ với ai", "ăn nằm không yên".
  const ages = tokens.flatMap((tok, i) => {
    const unit = /^(\d{1,2})(t|tuoi|tuổi)$/.exec(tok.text);
    const n = unit ? Number(unit[1]) : /^\d{1,2}$/.test(tok.text) && /^(tuổi|tuoi|t)$/.test(tokens[i + 1]?.text ?? '') ? Number(tok.text) : NaN;
    return Number.isNaN(n) ? [] : [n];
  });
  // "thằng bé nhà em" is the child, not a man; "người" inside "động vào người" is no one.
  const someone = (m: Match) =>
    tokens.some(
      (t, i) =>
        (i < m.start || i >= m.end) &&
        PARTNER.test(t.text) &&
        !(/^(thằng|thang)$/.test(t.text) && /^(bé|be|nhỏ|nho|cu|út|ut)$/.test(tokens[i + 1]?.text ?? '')),
    ) || ages.some((n) => n >= 18);
  const suffered = (m: Match) => tokens.slice(Math.max(0, m.start - 6), m.start).some((t) => t.clause === m.clause && /^(bị|bi)$/.test(t.text));
  // BLHS 145 asks an offender of 18 or more: two children of 13 to 17 ("hai đứa 15 tuổi") are no such case.
  const peers = ages.length >= 2 && Math.max(...ages) < 18 && Math.min(...ages) >= 13;
  return (
    matches
      // A euphemism needs a man or an adult too, or the doer left out ("cháu bị làm nhục"): "con em bị mấy bạn cùng lớp
      // làm nhục, bắt quỳ" is bullying, "con trai em 15 tuổi làm chuyện ấy với bạn gái" two children.
      .filter(
        (m) =>
          (m.concept === 'act.intercourse' && under && !peers && (someone(m) || suffered(m))) ||
          (m.concept === 'act.defile' && named && !peers && (someone(m) || /^(bị|bi)$/.test(tokens[m.start - 1]?.text ?? ''))),
      )
      .map((m) => ({ ...m, concept: 'what.sexual' }))
  );
}

/**
 * A blow to the head (ctx.headblow) and, in its clause or up to two after it, vomiting, drowsiness or
 * confusion (ctx.headsign: "đập đầu tau vô cửa, chừ tau cứ ói hoài", "cốc vào đầu mấy cái, giờ nó lừ
 * đừ"): a head injury, read as what.medical at the sign so its own clause dates it. Someone must have
 * struck (a violent act read in the message): a fall that knocks her head is masked as an accident.
 */
function headInjury(matches: Match[]): Match[] {
  const blows = matches.filter((m) => m.concept === 'ctx.headblow');
  if (!blows.length || !matches.some((m) => /^what\.(violence|weapon|mild)$/.test(m.concept))) return [];
  return matches
    .filter((s) => s.concept === 'ctx.headsign' && blows.some((b) => b.start < s.start && s.clause - b.clause <= 2))
    .map((s) => ({ ...s, concept: 'what.medical' }));
}

/**
 * A syllable typed without dấu can be read as several words: "co toi" is "có tội" or "cổ tôi",
 * "dang" is "đang" or "đăng", "dot" is "đột" or "đốt". Where two readings share syllables typed
 * without dấu: a harm read first, or a time, wins over "this is a legal question" (frame.general),
 * though "toi de doa giet" stays "tội đe dọa giết"; a question wins over a person ("con co pham
 * toi": "phạm tội", not "con … tôi"); a person doing harm wins over a legal frame ("bo chong …
 * quat em": "bố chồng", not "bỏ chồng"); a time word that opens a harm phrase is part of it
 * ("dang anh nong"); and a phrase read whole ("dot nhap", "đột nhập") wins over one that skips
 * its second syllable ("đốt ~ tôi").
 */
function readPlainOnce(matches: Match[], tokens: Token[]): Match[] {
  const plain = (m: Match) => tokens.slice(m.start, m.end).every((t) => syllableOf(t.text).plain);
  const overlap = (a: Match, b: Match) => a.start < b.end && b.start < a.end;
  // Where two readings share syllables, those shared were typed without dấu.
  const ambiguous = (a: Match, b: Match) =>
    overlap(a, b) && tokens.slice(Math.max(a.start, b.start), Math.min(a.end, b.end)).every((t) => syllableOf(t.text).plain);
  // A harm read first and a question starting inside it ("treo co" + "co toi"), or a time read on the same syllables ("toi nay").
  const event = (e: Match, g: Match) => ambiguous(e, g) && (e.concept.startsWith('when.') || (e.concept.startsWith('what.') && e.start < g.start));
  const general = matches.filter((g) => g.concept === 'frame.general' && !matches.some((e) => event(e, g)));
  const harmAfter = (m: Match) => matches.some((h) => h.concept.startsWith('what.') && h.start >= m.end && h.start - m.end <= 3);
  return matches.filter((m) => {
    if (m.concept === 'frame.general') return general.includes(m);
    if (m.concept.startsWith('who.')) return !general.some((g) => ambiguous(g, m));
    // "bo chong dung day dien quat em": "bố chồng" doing something, not "bỏ chồng" (leaving him).
    if (m.concept === 'frame.legal' && harmAfter(m)) return !matches.some((w) => w.concept.startsWith('who.') && ambiguous(w, m) && w.start === m.start);
    // "ep chau gai toi 13 tuoi cuoi thang con…": the last syllable of a harm read first ("ép ~ cưới") is no time
    // starting on it ("cuối tháng").
    if (m.concept.startsWith('when.') && plain(m))
      return !matches.some((h) => h.concept.startsWith('what.') && ((h.start === m.start && h.end > m.end) || (h.start < m.start && h.end - 1 === m.start)));
    if (m.concept.startsWith('what.') && m.gapped && plain(m))
      return !matches.some(
        (w) => w.concept.startsWith('what.') && !w.gapped && w.concept !== m.concept && w.start === m.start && w.end - w.start > 1 && w.end < m.end,
      );
    return true;
  });
}

/**
 * "nó dọa sẽ đánh chết em nếu em ly hôn", "em mà ly hôn thì nó giết cả nhà": divorce or a lawsuit
 * as the condition of a threat is what he threatens her over, not a legal question she asks —
 * unless the rest of the clause asks one ("… thì có bị tội gì không").
 */
function threatCondition(m: Match, matches: Match[], tokens: Token[]): boolean {
  if (m.concept !== 'frame.legal') return false;
  // "hắn đào sẵn cái hố sau vườn, bảo để dành cho em nếu em còn đòi ly hôn": a clause that opens on his words (bảo, nói,
  // dọa…) goes on with the threat told just before the comma, so a condition there is still the threat's.
  const speech = (c: number) =>
    tokens
      .filter((t) => t.clause === c)
      .slice(0, 3)
      .some((t) => /^(bảo|bao|nói|noi|dọa|doa|nhắn|nhan|tuyên|rằng|rang)$/.test(t.text));
  const threat = (w: Match) =>
    (w.clause === m.clause || (w.clause === m.clause - 1 && speech(m.clause))) && (w.concept === 'what.threat' || w.concept === 'what.weapon');
  const condition = tokens.findLastIndex((t, i) => i < m.start && t.clause === m.clause && /^(nếu|neu|hễ|he|mà|ma)$/.test(t.text));
  const then = tokens.findIndex((t, i) => i >= m.end && t.clause === m.clause && /^(thì|thi)$/.test(t.text));
  if (condition >= 0 && matches.some((w) => threat(w) && w.end <= condition) && (then < 0 || !asksAfter(then, tokens))) return true;
  return then >= 0 && !asksAfter(then, tokens) && matches.some((w) => threat(w) && w.start > then);
}

/**
 * The verb of a threat alone, with no harm in the phrase ("dọa", "đe dọa", "hăm dọa"), or sent by phone or message
 * ("gọi điện dọa", "nhắn tin cho em dọa").
 */
const BARE_THREAT = /^((đe|de|hăm|ham) |(gọi điện|goi dien|gọi|goi|nhắn tin|nhan tin|nhắn|nhan)( \S+){0,3} )?(dọa|doạ|doa)$/;

/**
 * A bare threat over her job, pay, a contract, a lawsuit or money (ctx.stake after it in its clause), with no harm named
 * in that clause: "công ty dọa trừ lương nếu em nghỉ ốm", "sếp dọa kỷ luật em", "chủ nợ dọa kiện em ra tòa" are legal
 * questions; "dọa đánh", "dọa giết" name their harm and are never bare.
 */
function emptyThreat(m: Match, matches: Match[], tokens: Token[]): boolean {
  if (m.concept !== 'what.threat') return false;
  const said = tokens
    .slice(m.start, m.end)
    .map((t) => t.text)
    .join(' ');
  if (!BARE_THREAT.test(said)) return false;
  const inClause = (w: Match) => w.clause === m.clause;
  // "dọa nếu em tố cáo thì…": what she might do is the condition, not what he threatens.
  const condition = (w: Match) => {
    const between = tokens.slice(m.end, w.start).map((t) => t.text);
    const ifAt = between.findLastIndex((t) => /^(nếu|neu|hễ|he|mà|ma)$/.test(t));
    return ifAt >= 0 && !between.slice(ifAt).some((t) => /^(thì|thi)$/.test(t));
  };
  // "dọa nếu không chiều thì đuổi việc": a demand made under the threat may be anything, her body too — but not a son
  // borne or money paid ("dọa không cho đứng tên nhà nếu không sinh con trai"), which ask nothing of her body now.
  const demand = tokens.some((t, i) => t.clause === m.clause && unlessAt(i, tokens) && !plainDemand(i, tokens));
  return (
    !demand &&
    // "dọa đăng bài kèm ảnh nóng": with intimate images named, a threat to post is never bare.
    !matches.some((w) => w.concept === 'ctx.intimate') &&
    matches.some((w) => w.concept === 'ctx.stake' && inClause(w) && w.start >= m.end && !condition(w)) &&
    // The same verb read again inside a longer reading of it ("nhắn tin dọa" and "dọa") is no other harm.
    !matches.some((w) => w !== m && inClause(w) && w.concept.startsWith('what.') && !(w.concept === 'what.threat' && w.start < m.end && m.start < w.end))
  );
}

/**
 * "chủ nhà trọ bắt em dọn đi trong 3 ngày": a verb of moving house ("dọn", "chuyển", "dời") inside a taking phrase with a
 * gap ("bắt ~ đi") is her made to leave where she lives — put out (expelled), not taken away.
 */
function movedOut(m: Match, tokens: Token[]): boolean {
  return (
    m.concept === 'what.taken' &&
    m.gapped === true &&
    tokens.slice(m.start + 1, m.end - 1).some((t) => /^(dọn|don|chuyển|chuyen|dời)$/.test(t.text)) &&
    /^(đi|di|ra)$/.test(tokens[m.end - 1]?.text ?? '')
  );
}

/**
 * A landlord's notice: "chủ nhà trọ dọa tháng sau sẽ đuổi mẹ con em ra khỏi phòng nếu còn chậm tiền trọ", "chủ trọ bắt em
 * dọn đi trong 3 ngày". The landlord named (ctx.landlord), putting her out (or threatening to) is the only harm, and nothing
 * says it is tonight or now — no night, cold, street or nowhere to go (ctx.exposed), no "đang", "vừa", "giờ": a question
 * of her tenancy, not danger. Put out at night with her children, by a landlord too, stays an emergency (put-out-at-night);
 * beaten, chased ("đuổi theo") or shown a knife, it is no notice.
 */
function landlordNotice(harms: { what: What; match: Match }[], matches: Match[], tokens: Token[]): boolean {
  const now = ['when.now', 'when.just', 'when.progressive', 'when.present', 'ctx.exposed'];
  // "chủ nhà dọa đuổi em": with the landlord named, "đuổi" read as a threat is the eviction; chasing her ("đuổi theo") is not.
  const evicts = (h: { what: What; match: Match }) =>
    h.what === 'expelled' || (h.match.concept === 'what.threat' && tokens.slice(h.match.start, h.match.end).some((t) => /^(đuổi|duoi)$/.test(t.text)));
  return (
    harms.some(evicts) &&
    harms.every((h) => h.what === 'expelled' || h.match.concept === 'what.threat') &&
    matches.some((m) => m.concept === 'ctx.landlord') &&
    !matches.some((m) => now.includes(m.concept))
  );
}

/**
 * Her employer's threat to dismiss her: "cty bắt em ký đơn tự nghỉ vì em có bầu, em không ký thì họ dọa đuổi". With a
 * company, a workshop or a boss named (ctx.employer), a threat whose only harm is "đuổi" is losing her job — "dọa đuổi
 * việc" is masked already, and members leave out "việc" — a question of her work, not danger; unless something says
 * now (as for a landlord's notice), anything else is threatened or done, or she is put out of a home (what.expelled).
 */
function employerNotice(harms: { what: What; match: Match }[], matches: Match[], tokens: Token[]): boolean {
  const now = ['when.now', 'when.just', 'when.progressive', 'when.present', 'ctx.exposed'];
  const said = (m: Match) => tokens.slice(m.start, m.end).map((t) => t.text);
  const bare = (m: Match) => m.concept === 'what.threat' && BARE_THREAT.test(said(m).join(' '));
  const dismissal = (m: Match) => m.concept === 'what.threat' && BARE_THREAT.test(said(m).slice(0, -1).join(' ')) && /^(đuổi|duoi)$/.test(said(m).at(-1) ?? '');
  // Her pregnancy is why she fears for the job, not a harm; the threat verb is read again alone inside "dọa đuổi".
  return (
    harms.some((h) => dismissal(h.match)) &&
    harms.every((h) => h.what === 'pregnant' || dismissal(h.match) || bare(h.match)) &&
    matches.some((m) => m.concept === 'ctx.employer') &&
    // "dọa đuổi nếu em không chiều": a demand made under the threat may be her body, as for a bare threat (emptyThreat).
    !tokens.some((_, i) => unlessAt(i, tokens) && !plainDemand(i, tokens)) &&
    // A husband or his family named: "đuổi" may be out of her home.
    !matches.some((m) => m.concept === 'who.kin' || now.includes(m.concept))
  );
}

/**
 * The demand after "nếu không" at token i is a son borne or money paid or returned ("nếu em không sinh con trai", "nếu
 * không trả nợ"): a family or money matter, nothing asked of her body.
 */
const PLAIN_DEMAND = /\b((sinh|de)( duoc)? con|tra tien|tra no|tra lai|tra du|dua tien|dong tien|nop tien)\b/;
function plainDemand(i: number, tokens: Token[]): boolean {
  const next = tokens.slice(i + 1, i + 7).filter((t) => t.clause === tokens[i]!.clause);
  return PLAIN_DEMAND.test(next.map((t) => fold(t.text)).join(' '));
}

/** "nếu"/"hễ" at token i with a refusal ("không", "chưa") just after it: a demand, "unless she does…". */
function unlessAt(i: number, tokens: Token[]): boolean {
  return /^(nếu|neu|hễ|he)$/.test(tokens[i]!.text) && tokens.slice(i + 1, i + 4).some((k) => /^(không|khong|ko|k|chưa|chua)$/.test(k.text));
}

/**
 * His words threaten death unless she does what he demands ("bảo sẽ dìm nó xuống ao nếu em không đưa sổ đỏ", "dọa giết
 * con nếu em không trả tiền"): a threat made now, as one over her leaving is (threat-over-leaving), even beside a legal
 * question in a clause of its own ("vậy em có quyền kiện không"). The weapon follows a word of speech in its clause, and
 * "nếu"/"hễ" with a refusal ("không", "chưa") follows it there, with no "thì … có bị" asking about it.
 */
function threatOnDemand(harms: { what: What; match: Match; hypothetical: boolean }[], tokens: Token[]): boolean {
  return harms.some(({ what, match: m }) => {
    if (what !== 'weapon') return false;
    const clause = tokens.map((t, i) => [t, i] as const).filter(([t]) => t.clause === m.clause);
    const said = clause.some(([t, i]) => i < m.start && /^(bảo|bao|nói|noi|dọa|doa|nhắn|nhan|đòi|doi)$/.test(t.text));
    const unless = clause.some(([, i]) => i >= m.end && unlessAt(i, tokens));
    const asked = clause.some(([t, i]) => i >= m.end && /^(thì|thi)$/.test(t.text) && asksAfter(i, tokens));
    return said && unless && !asked;
  });
}

/** What says danger beside a blade: a harm, fear, a cry for help, someone at the door or beside her. */
const ALARM = /^(what\.|frame\.(help|plea|fear|hiding)$|when\.(present|near)$)/;

/**
 * "bố chồng làm nghề mổ lợn, hay cầm dao về nhà", "em đang cầm dao chặt thịt gà làm cơm": a blade
 * held in a trade or a kitchen (ctx.tool) is a tool. The weapon matches that only say a blade is held
 * (ctx.blade covers them) are dropped — when nothing else in the message says danger: "chồng bán thịt,
 * cầm dao đòi chém em" keeps its threat, and so does a blade with fear or a man at the door.
 */
function toolsOnly(matches: Match[]): Match[] {
  if (!matches.some((m) => m.concept === 'ctx.tool')) return matches;
  const blades = matches.filter((m) => m.concept === 'ctx.blade');
  const held = (m: Match) => m.concept === 'what.weapon' && blades.some((b) => b.start <= m.start && b.end >= m.end);
  // Papers kept by an employer ("em phụ bếp, chủ giữ căn cước, ngày nào cũng cầm dao chặt thịt") say nothing of the blade.
  const context = (m: Match) => m.concept === 'what.pregnant' || m.concept === 'what.lure' || m.concept === 'what.bonded';
  // "cầm búa sửa cửa phòng ngủ": the door a held tool is at ("búa ~ cửa phòng", when.present) is the tool's own words.
  const atDoor = (m: Match) => m.concept === 'when.present' && blades.some((b) => b.start < m.end && m.start < b.end);
  if (!matches.some(held) || matches.some((m) => ALARM.test(m.concept) && !held(m) && !context(m) && !atDoor(m))) return matches;
  return matches.filter((m) => !held(m) && !atDoor(m));
}

/**
 * A call for help that is a cry: not one inside a question whether others may rescue ("hàng xóm có
 * được phá cửa vào cứu không": the clause ends in "không" with "được", "nên", "quyền" before the
 * call), nor an exclamation over a legal worry with no harm, fear or man at the door ("cứu em với
 * mọi người ơi, chồng em không chịu ký đơn ly hôn").
 */
function criesForHelp(matches: Match[], tokens: Token[], harms: number): boolean {
  const has = (concept: string) => matches.some((m) => m.concept === concept);
  const asked = (m: Match) =>
    fold(tokens.filter((t) => t.clause === m.clause).at(-1)!.text) === 'khong' &&
    tokens.slice(0, m.start).some((t) => t.clause === m.clause && /^(duoc|nen|quyen)$/.test(fold(t.text)));
  if (!matches.some((m) => m.concept === 'frame.help' && !asked(m))) return false;
  return harms > 0 || !has('frame.legal') || ['frame.fear', 'frame.hiding', 'when.present', 'when.near'].some(has);
}

/**
 * Violence or a weapon told and not in the past ("chủ giữ căn cước, ai bỏ trốn là bị đánh"): with papers kept, she is held.
 * A beating long past ("năm ngoái chồng đánh em, giờ ly hôn rồi mà anh ta vẫn giữ giấy tờ của em") holds no one now.
 */
const beatenNow = (matches: Match[], tokens: Token[]) =>
  matches.some((m) => (m.concept === 'what.violence' || m.concept === 'what.weapon') && !negated(m, tokens) && timeOf(m, matches, tokens) !== 'past');

/**
 * "công ty giữ bằng tốt nghiệp bản chính của em, vậy có đúng luật không", "không cho nghỉ việc, bắt báo trước 45 ngày, có
 * vi phạm không": whether an employer may keep her papers or refuse her notice, asked as law (frame.lawful), is a
 * labour-law question: the papers kept (what.bonded, and the same words read as a lure abroad) are dropped. Beaten there
 * ("ai bỏ trốn là bị đánh"), locked in or kept from going home, she is still held: those are other harms and stay.
 */
function bondedAsked(matches: Match[], tokens: Token[]): Match[] {
  if (!matches.some((m) => m.concept === 'frame.lawful')) return matches;
  if (beatenNow(matches, tokens)) return matches;
  const kept = matches.filter((m) => m.concept === 'what.bonded');
  const inside = (m: Match) => kept.some((b) => b.start <= m.start && b.end >= m.end);
  return matches.filter((m) => m.concept !== 'what.bonded' && !(m.concept === 'what.lure' && inside(m)));
}

/**
 * "thấy trẻ con bị đánh đập thì báo cho ai", "con thấy bố đánh mẹ thì phải làm gì", "bố mẹ chồng thấy con trai đánh vợ thì
 * phải làm gì": someone who saw a harm asks, after "thì" or "mà", what one must do or whom to tell — a witness's legal
 * question, read as frame.legal there (the helplines above the answer). Not when she says she sees it ("em thấy chồng…":
 * her own danger told), nor when it is going on ("đang").
 */
function witnessAsks(matches: Match[], tokens: Token[]): Match[] {
  const out: Match[] = [];
  tokens.forEach((t, i) => {
    if (!/^(thấy|thay)$/.test(t.text)) return;
    if (tokens[i - 1]?.clause === t.clause && PRONOUN_SELF.test(tokens[i - 1]!.text)) return;
    const harm = matches.find((m) => m.concept.startsWith('what.') && m.clause === t.clause && m.start > i);
    if (!harm || matches.some((m) => m.concept === 'when.progressive' && m.clause === t.clause)) return;
    const then = tokens.findIndex((u, j) => j >= harm.end && u.clause === t.clause && /^(thì|thi|mà|ma)$/.test(u.text));
    if (then >= 0 && asksAfter(then, tokens)) out.push({ concept: 'frame.legal', start: then, end: then + 1, clause: t.clause });
  });
  return out;
}

/** What says someone is at her now: with one of them a call to the group stays a plea and her own story. */
const NOW_SIGNS = ['when.now', 'when.progressive', 'when.present', 'when.near', 'when.just', 'frame.hiding', 'frame.help'];
/** Someone at the door or beside her, hiding, a cry: with a call to the group, still a plea whatever the harm's time. */
const AT_HER = ['when.present', 'when.near', 'frame.hiding', 'frame.help'];
/** A question word in the last clause ("ai được ưu tiên", "tối đa được bao lâu") or closing it ("…có được làm vậy ko"). */
const ASKING_WORD = /^(ai|gi|nao|dau|bao|sao|lau)$/;
const endsAsking = (tokens: Token[]) => {
  const last = tokens.at(-1);
  if (!last) return false;
  const clause = tokens.filter((t) => t.clause === last.clause).map((t) => fold(t.text));
  return /^(khong|ko|k|kg|khg|hong|hok|chua|nhi)$/.test(clause.at(-1)!) || clause.some((w) => ASKING_WORD.test(w));
};
/** What says she asks the law or for advice. */
const ASKS = ['frame.legal', 'frame.general', 'frame.lawful', 'frame.advice', 'frame.benefit'];
const asking = (matches: Match[], tokens: Token[]) => matches.some((m) => ASKS.includes(m.concept)) || endsAsking(tokens);
/**
 * "Mọi người ơi giúp em với, bị công ty sa thải vì nghỉ ốm thì có đúng không", "Cả nhà ơi chỉ giúp em với, …": a call to
 * the group she posts in (ctx.groupcall), with a question, asks for an answer. The "em" inside the call does not make
 * the case her own story unless something says now (NOW_SIGNS).
 */
function groupCallAsked(matches: Match[], tokens: Token[]): Match[] {
  const calls = matches.filter((m) => m.concept === 'ctx.groupcall');
  if (!calls.length || !asking(matches, tokens) || matches.some((m) => NOW_SIGNS.includes(m.concept))) return matches;
  return matches.filter((m) => !(m.concept === 'who.self' && calls.some((c) => c.start <= m.start && m.end <= c.end)));
}
/**
 * The call's "giúp em (với)" is no plea nor fear when she asks a question and no harm she tells is happening now and no
 * one is at the door: "mọi người ơi giúp em với, nó đang đánh em", "… hắn đang đứng ngoài cổng" stay a plea. Decided on
 * each harm's own time, not on any "giờ" or "đang" in the message ("giờ bà mất", "em đang ốm").
 */
function groupCallPlea(matches: Match[], tokens: Token[], harms: { when: When; hypothetical?: boolean }[]): Match[] {
  const calls = matches.filter((m) => m.concept === 'ctx.groupcall');
  if (!calls.length || !asking(matches, tokens) || matches.some((m) => AT_HER.includes(m.concept))) return matches;
  if (harms.some((h) => happening(h.when) && !h.hypothetical)) return matches;
  const overlaps = (m: Match) => calls.some((c) => m.start < c.end && c.start < m.end);
  return matches.filter((m) => !((m.concept === 'frame.plea' || m.concept === 'frame.fear') && overlaps(m)));
}

export function assessDanger(message: string): Assessment {
  // Ages and grades in words are read as digits ("mười ba tuổi", "lớp tám"): numbers.ts.
  const tokens = numbersInDigits(withoutWrapping(tokenize(message)));
  // "không an toàn" is not safety: a negated safe marker is dropped, like a negated harm.
  // "bỏ con nhỏ ở nhà một mình": "một mình" is alone, never "mình" the speaker closing a gapped phrase ("con ~ mình").
  const alone = (m: Match) => m.concept.startsWith('who.') && m.gapped && aloneAt(m.end - 1, tokens);
  const read = armedAtEnd(readPlainOnce(longestTimes(matchWithMasks(signals(), tokens).filter((m) => !alone(m))), tokens), tokens);
  const conditions = read.filter((m) => threatCondition(m, read, tokens));
  const kept = bondedAsked(
    toolsOnly(read.filter((m) => (m.concept !== 'when.safe' || !negated(m, tokens)) && !conditions.includes(m) && !emptyThreat(m, read, tokens))),
    tokens,
  );
  const matches = groupCallAsked([...kept, ...witnessAsks(kept, tokens)], tokens);
  const has = (concept: string) => matches.some((m) => m.concept === concept);
  const self = has('who.self');
  const childOwn = has('who.child.own');
  const withChild = sexWithChild(matches, tokens, childOwn || has('who.child.named') || has('who.child') || mentionsMinor(tokens));
  // "thầy giáo ngủ với học sinh lớp 8": a grade or "chưa đến tuổi" beside sex is a particular child.
  const minor = mentionsMinor(tokens) || withChild.length > 0;
  const child = childOwn || has('who.child.named') || has('who.child') || minor;
  // Groping ("sàm sỡ", "sờ mó") and intimate images spread ("đăng ảnh nóng") are sexual abuse when
  // a child is named; against a grown woman, told without a time, they are for the hotline, not the
  // police now — unless it is happening.
  // "đăng ảnh nóng của em lên mạng": the images inside a posting are the posting, not abuse in person.
  const posted = (m: Match) => m.concept === 'what.sexual' && matches.some((p) => p.concept === 'what.image' && p.start <= m.start && p.end >= m.end);
  // "… có thai với thằng hàng xóm, giờ cháu đã sinh được ba tháng": a birth told puts the pregnancy, and the sex
  // told in everyday words that began it, behind her — unless a time of its own says otherwise.
  const born = matches.some((m) => m.concept === 'ctx.born' && !negated(m, tokens));
  const bornSince = (m: Match) => born && (m.concept === 'what.pregnant' || withChild.includes(m)) && timeOf(m, matches, tokens) === 'none';
  // "ép chụp ảnh khỏa thân, giờ anh ta đăng lên mạng rồi": intimate images named anywhere make their spreading a harm.
  const spreadImages = has('ctx.intimate')
    ? matches
        .filter((m) => m.concept === 'act.spread' && !matches.some((i) => i.concept === 'what.image' && i.start <= m.start && i.end >= m.end))
        .map((m) => ({ ...m, concept: 'what.image' }))
    : [];
  // "… ép em đi phá thai, họ chở em tới phòng khám": taken to the clinic, the abortion forced on her is being done now.
  const abortUnderway = (m: Match) => m.concept === 'what.abort' && has('ctx.toclinic') && timeOf(m, matches, tokens) === 'none';
  const beatenThere = beatenNow(matches, tokens);
  const held = heldWithoutPhone(matches, tokens);
  // "cháu em kể bị ông bảo vệ sờ vào người mấy lần, giờ con không chịu đi học": a child's abuse told with no time of its
  // own beside what she lives with since, or how to help her through it (frame.aftermath), is behind her — the child line
  // and support, not the police now. A time of its own ("đang", "tối qua") still decides.
  // "giờ cháu hay giật mình": the habit is the child's since, not the man's, so only a time in the harm's own clause counts.
  const healing = (m: Match) =>
    has('frame.aftermath') &&
    (m.concept === 'what.sexual' || m.concept === 'what.grope') &&
    !matches.some((w) => w.concept.startsWith('when.') && w.clause === m.clause) &&
    ['none', 'habitual'].includes(timeOf(m, matches, tokens));
  // Followed, told by how he copies her moves ("em rẽ nó cũng rẽ"), and a man waiting for her child with money demanded
  // ("chiều nay chờ con ở cổng trường, không có tiền thì…"): both told as they unfold — with no past in the message, the
  // first is now; the afternoon he names is to come ("chiều nay" read as gone by is his deadline).
  const ransom = ransomOnChild(matches, tokens, childOwn || has('who.child.named') || has('who.child') || mentionsMinor(tokens));
  const told = ['when.past', 'when.habitual'].some(has);
  const unfolding = (m: Match, when: When): When =>
    (m.concept === 'what.followed' && when === 'none' && !told) || (ransom.includes(m) && when === 'recent') ? 'now' : when;
  const terse = terseHarm(matches, tokens);
  const readHarms = [
    ...matches,
    ...(terse ? matches.filter((m) => m.concept === 'ctx.armed').map((m) => ({ ...m, concept: 'what.weapon' })) : []),
    ...takenOutOfReach(matches, tokens, has('frame.legal')),
    ...withChild,
    ...forcedToWed(matches, tokens),
    ...spreadImages,
    ...headInjury(matches),
    ...held,
    ...impostorSendsOff(matches, tokens),
    ...sackMadeReady(matches, tokens),
    ...copiesHerMoves(matches, tokens),
    ...ransom,
    ...farewell(matches, tokens),
    ...signedAway(matches, tokens),
  ]
    .filter(
      (m) =>
        m.concept.startsWith('what.') &&
        !posted(m) &&
        !negated(m, tokens) &&
        !crimeName(m, tokens) &&
        !houseRule(m, matches, tokens) &&
        !phoneTakenOnly(m, matches) &&
        !animalHeld(m, matches, tokens) &&
        !vehicleStrikes(m, tokens),
    )
    // "em chạy thì con em cũng chạy": a child copying her moves is no one following her.
    .filter((m) => m.concept !== 'what.followed' || !matches.some((c) => /^who\.child/.test(c.concept) && c.start > m.start && c.end <= m.end))
    // "chưa về", "mất liên lạc": a child missing is taken; a husband gone off is a question for the court.
    .filter((m) => m.concept !== 'what.missing' || (child && !has('frame.legal')))
    .filter((m) => m.concept !== 'what.carried' || carriedNow(m, matches, tokens))
    .map((m) => ({
      what: ((m.concept === 'what.grope' || m.concept === 'what.image') && child
        ? 'sexual'
        : // "con dượng hay dòm em tắm": watched bathing is no touch, for a child too — a habit for the hotline, now an emergency.
          m.concept === 'what.peep'
          ? 'grope'
          : m.concept === 'what.followed'
            ? 'threat'
            : m.concept === 'what.missing' || m.concept === 'what.carried'
              ? 'taken'
              : movedOut(m, tokens)
                ? 'expelled'
                : // "con gái em 15 tuổi bị bắt phá thai": a girl made to is violence against a child.
                  m.concept === 'what.abort' && minor
                  ? 'violence'
                  : // "chủ giữ căn cước, ai bỏ trốn là bị đánh": papers kept where running away is beaten is being held.
                    m.concept === 'what.bonded' && beatenThere
                    ? 'confine'
                    : m.concept.slice(5)) as What,
      match: m,
      when: bornSince(m) || healing(m) ? 'past' : abortUnderway(m) ? 'now' : unfolding(m, timeOf(m, matches, tokens)),
      hypothetical: supposed(m, matches, tokens),
    }));
  // A landlord's notice to leave is a question of her tenancy: no harm.
  if (landlordNotice(readHarms, matches, tokens)) readHarms.length = 0;
  // Nor is an employer's threat to dismiss her: a question of her work.
  if (employerNotice(readHarms, matches, tokens)) readHarms.length = 0;
  const harms = readHarms;
  const other = has('who.other');
  // A child given an age ("đứa bé 12 tuổi") or pointed at ("con bé", "đứa nhỏ nhà bên") or a man
  // pointed at ("thằng đó", "hắn") is someone particular, not people in general.
  // "Tôi nghe nói có người bị nhốt…": the one at risk is someone in general, though she says "tôi".
  const hearsay = has('frame.hearsay') || has('frame.media');
  // "cho em hỏi thủ tục…, một người bên bán đang ở nước ngoài, …, giờ chồng em đang túm tóc đập đầu em": someone in
  // general named in another clause of a long question does not make her own harm, told of herself in its clause and
  // happening now, someone else's.
  const inClause = (concept: string, clause: number) => matches.some((m) => m.concept === concept && m.clause === clause);
  const ownNow = harms.some((h) => happening(h.when) && !h.hypothetical && inClause('who.self', h.match.clause) && !inClause('who.general', h.match.clause));
  const thirdParty = (hearsay || (has('who.general') && has('frame.general') && !ownNow)) && !childOwn;
  // "khói kín phòng, cửa khóa": fumes or heat behind a shut door (heldWithoutPhone, which leaves a question of law alone)
  // have someone behind it, though no one is named.
  const shutOnFumes = held.some((m) => m.concept === 'what.weapon');
  const concrete = (self || childOwn || other || minor || has('who.specific') || has('who.child.named') || terse || shutOnFumes) && !thirdParty;
  const general = has('frame.general') || hearsay || (has('who.general') && !self);
  const asksInGeneral = !concrete && (general || has('who.general') || has('frame.advice') || has('frame.legal'));
  // "Mọi người ơi giúp em với, … giờ bà mất nó có được hưởng không": a call to the group with a question, no harm told as
  // happening and no one at the door, is no plea (groupCallPlea).
  const ruleMatches = groupCallPlea(matches, tokens, harms);
  const ruleHas = (concept: string) => ruleMatches.some((m) => m.concept === concept);
  const f: Features = {
    tokens,
    matches: ruleMatches,
    harms,
    has: ruleHas,
    self,
    child,
    childOwn,
    minor,
    childNamed: has('who.child.named'),
    other,
    concrete,
    general,
    asksInGeneral,
    reporter: (hearsay || has('frame.role')) && !childOwn,
    everydaySex: withChild,
    cry: criesForHelp(ruleMatches, tokens, harms.length),
    // "chồng dọa giết nếu em ly hôn thì có bị tội gì không" asks the law about the threat itself: a
    // condition read from "thì … có bị", or a question in the threat's clause, is no step she takes.
    overLeaving:
      conditions.some((c) => !/^(thì|thi)$/.test(tokens[c.start]!.text) && !matches.some((g) => g.concept === 'frame.general' && g.clause === c.clause)) ||
      threatOnDemand(harms, tokens),
  };
  const rule = RULES.find((r) => r.applies(f))!;
  const what = [...new Set(harms.map((h) => h.what))];
  const sexual = harms.filter((h) => h.what === 'sexual');
  const touchedOnly = sexual.length > 0 && sexual.every((h) => h.match.concept === 'what.grope' || touches(h.match, matches));
  const order: When[] = ['now', 'ongoing', 'recent', 'habitual', 'past', 'none'];
  const when = harms.map((h) => h.when).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? 'none';
  const medical =
    what.some((w) => w === 'medical' || w === 'injury' || w === 'selfharm' || w === 'starve') ||
    (what.includes('pregnant') && what.some((w) => w !== 'pregnant'));
  // "chồng đánh em hoài, em muốn ly hôn thì con 3 tuổi ai nuôi": a child named only in a legal question (custody,
  // support) beside her own harm is no child at risk, so the child line does not lead. A child in a clause with a harm
  // or outside any legal question (watching, left alone), or a girl writing of herself, still is.
  const childClauses = new Set([
    ...matches.filter((m) => m.concept === 'who.child.own' || m.concept === 'who.child.named' || m.concept === 'who.child').map((m) => m.clause),
    ...tokens.filter((t) => /^(con|bé|be|cháu|chau|đứa|dua)$/.test(t.text)).map((t) => t.clause),
  ]);
  const childInLawOnly =
    self &&
    withChild.length === 0 &&
    childClauses.size > 0 &&
    [...childClauses].every((c) => matches.some((g) => g.concept === 'frame.legal' && g.clause === c) && !harms.some((h) => h.match.clause === c));
  return {
    level: rule.level,
    rule: rule.id,
    who: { self, child, other },
    what,
    when,
    needs: { child: child && !childInLawOnly, medical },
    ...(touchedOnly ? { touchedOnly } : {}),
  };
}
