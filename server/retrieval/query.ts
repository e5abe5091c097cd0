import fs from 'node:fs';
import path from 'node:path';
import { STOP_SYLLABLES, STOP_WORDS, fold, isStopSyllable, nfc, syllableMatches, syllables, typedWithoutDiacritics } from '../../ingest/text/vietnamese.js';
import { PairReadingTable, type PairReadings } from './readings.js';
import { nightWork } from './clock-times.js';
import { INHERITANCE_TOPIC, asksEstate } from './rank/inheritance.js';
import { respell } from './respell.js';
import { termSpellings, type TermSpellings } from './spellings.js';
import { DATA_DIR, conceptsOf, readTopics, readVocabulary, type VocabRow } from './vocabulary.js';

/**
 * Turns a question as people type it on a phone ("ck e hay danh e thi lam sao") into search
 * terms: shorthand expanded, colloquial phrases mapped to the law's own words, both matched
 * syllable by syllable so that a syllable typed without dấu matches any accent, while a
 * syllable typed with dấu must match exactly ("tát" ≠ "tất").
 */

interface VocabEntry {
  topic: string;
  /** Written "topic?" in the table: fires only when another phrase of its topic matched too. */
  conditional: boolean;
  patterns: string[][]; // each pattern: accented syllables
  /** The same patterns folded: a pattern whose folded syllables are not all in the question cannot match. */
  folded: string[][];
  expansion: string;
}

/** The thesaurus ready for matching: its entries and the colloquial pairs its phrases attest. */
export interface CompiledVocabulary {
  entries: VocabEntry[];
  /** Topics of asking words ("bị phạt bao nhiêu", "báo ai"): what she asks for, not what about (topics.tsv "asks"). */
  asking: ReadonlySet<string>;
  /** The vocabulary's own phrases attest colloquial pairs the law never writes ("nghỉ đẻ", "vay nợ"). */
  readings: PairReadingTable;
}

export function compileVocabulary(rows: VocabRow[], asking: ReadonlySet<string> = new Set()): CompiledVocabulary {
  const entries = rows
    .filter((r) => r.phrases.length && r.expansion)
    .map((r) => ({
      topic: r.topic,
      conditional: r.conditional,
      patterns: r.phrases.map((p) => syllables(p)).filter((p) => p.length),
      expansion: r.expansion,
    }))
    .map((e) => ({ ...e, folded: e.patterns.map((p) => p.map(fold)) }));
  const readings = new PairReadingTable();
  for (const e of entries) {
    for (const p of e.patterns) readings.addText(p.join(' '));
    for (const c of conceptsOf(e.expansion)) readings.addText(c);
  }
  // Words, not pairs: a one-word phrase ("tát") and the examples, typed as members type, are words
  // the language writes even where no law does; a misspelling is read only for a word nobody wrote.
  for (const r of rows) for (const text of [...r.phrases, r.example]) readings.addWords(text);
  return { entries, readings, asking };
}

function readTsv(file: string): string[][] {
  return fs
    .readFileSync(path.join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) =>
      nfc(l)
        .split('\t')
        .map((c) => c.trim()),
    );
}

let bundled: CompiledVocabulary | null = null;
let shorthand: Shorthand | null = null;

function bundledVocabulary(): CompiledVocabulary {
  bundled ??= compileVocabulary(readVocabulary(), new Set(readTopics().flatMap((t) => (t.asks ? [t.topic] : []))));
  return bundled;
}

const phraseLists = new Map<string, string[][]>();

/** A one-column phrase table as syllables, longest first (so "có sai luật không" wins over "sai luật không"). */
function loadPhrases(file: string): string[][] {
  let list = phraseLists.get(file);
  if (!list) {
    list = readTsv(file)
      .map((r) => syllables(r[0]!))
      .filter((p) => p.length)
      .sort((a, b) => b.length - a.length);
    phraseLists.set(file, list);
  }
  return list;
}

/**
 * For each token, the phrase of the list it is part of, if any. Phrases do not overlap: the
 * longest is placed first. Used for question frames and for words that only look like triggers.
 */
function markPhrases(tokens: string[], phrases: string[][], loose: boolean): (string[] | undefined)[] {
  const marks = new Array<string[] | undefined>(tokens.length);
  const present = new Set(tokens.map(fold));
  for (const p of phrases) {
    if (!p.every((syl) => present.has(fold(syl)))) continue;
    for (let i = 0; i + p.length <= tokens.length; i++) {
      if (p.every((syl, j) => !marks[i + j] && syllableMatches(tokens[i + j]!, syl, loose))) p.forEach((_, j) => (marks[i + j] = p));
    }
  }
  return marks;
}

/**
 * colloquial-forms.tsv: phone shorthand, matched folded ("ck", "dc"); North-Central forms, matched
 * only as typed with their dấu, since folded they are other words ("bo" is bỏ, "ma" is mà, "man"
 * is màn); and standard words that hold such a form, kept as typed ("mô hình" is not "đâu hình").
 */
interface Shorthand {
  folded: Map<string, string>;
  regional: Map<string, string>;
  keep: Set<string>;
}

function loadShorthand(): Shorthand {
  if (shorthand) return shorthand;
  const sh: Shorthand = { folded: new Map(), regional: new Map(), keep: new Set() };
  for (const [form, standard, how] of readTsv('colloquial-forms.tsv')) {
    if (!form || !standard) continue;
    const key = form.toLowerCase();
    if (standard === '=') sh.keep.add(key);
    else if (how === 'dấu') sh.regional.set(key, standard);
    else sh.folded.set(fold(key), standard);
  }
  shorthand = sh;
  return sh;
}

/**
 * The question with its shorthand and regional forms in standard words, punctuation kept ("nộp
 * đơn ở mô" → "nộp đơn ở đâu", "bi phat bn" → "bi phat bao nhiêu"): what the answer reads how she
 * asks from (answer/plain/intent.ts), as retrieval reads what she asks about.
 */
export function standardWords(question: string): string {
  const sh = loadShorthand();
  const text = nfc(question).toLowerCase();
  const raw = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  let i = 0;
  return text.replace(/[\p{L}\p{N}]+/gu, (t) => standardForm(sh, raw, i++) ?? t);
}

/** The standard syllables for raw[i] when it is shorthand or a regional form, else null. */
function standardForm(sh: Shorthand, raw: string[], i: number): string | null {
  const t = raw[i]!;
  const regional = sh.regional.get(t);
  if (regional && !sh.keep.has(`${raw[i - 1]} ${t}`) && !sh.keep.has(`${t} ${raw[i + 1]}`)) return regional;
  return sh.folded.get(fold(t)) ?? null;
}

/**
 * Finds a phrase in order, allowing a couple of extra words inside it ("giữ hết lương" matches
 * "giữ lương", "lương thấp hơn đồng nghiệp nam" matches "lương thấp hơn nam").
 */
const MAX_GAP = 2;
/** First syllables after which a phrase allows no gap (findPattern). */
const PRONOUN_FIRST = new Set(['em', 'chị', 'anh']);
/**
 * Two-syllable kin words made of two common words ("con chồng", "con vợ": a spouse's child) hold
 * only when written together, in one clause: "nuôi 3 đứa con, ck đi làm" and "nhà có 3 đứa con, bố
 * mẹ ck còn sống" name her children and her husband, no stepchild.
 */
const KIN_WHOLE = new Set(['con chồng', 'con vợ']);
/** Terms' worth of weight one vocabulary concept may add to a query. */
const CONCEPT_BUDGET = 12;
/** Where a phrase matched: the tokens its syllables matched, in order (skipped words excluded). */
interface Span {
  at: number[];
}

function findPattern(
  tokens: string[],
  pattern: string[],
  loose: boolean,
  readings: PairReadings[],
  masked: (string[] | undefined)[],
  context: MatchContext,
): Span | null {
  const { negated } = context;
  for (let i = 0; i + pattern.length <= tokens.length; i++) {
    if (!syllableMatches(tokens[i]!, pattern[0]!, loose)) continue;
    const at = [i];
    let pos = i + 1;
    let gaps = 0;
    let ok = true;
    for (let j = 1; j < pattern.length && ok; j++) {
      // A phrase opening on a pronoun members call themselves or him by ("em chồng", "chị chồng", "anh vợ") is a kin
      // word only when written whole: "em bị chồng đánh", "em muốn bỏ chồng" hold no sister-in-law.
      const kinWhole = pattern.length === 2 && KIN_WHOLE.has(pattern.join(' '));
      const whole = j === 1 && (PRONOUN_FIRST.has(pattern[0]!) || kinWhole);
      while (!whole && pos < tokens.length && !syllableMatches(tokens[pos]!, pattern[j]!, loose) && gaps < MAX_GAP) {
        pos++;
        gaps++;
      }
      // Across a comma too ("nuôi con, ck cũng…" reads "con chồng"): keeping a phrase within its
      // clause lowered the blind set's questions stripped of dấu (R@5 0.883 → 0.875), docs/history/reading-questions.md, stop 35.
      ok = pos < tokens.length && syllableMatches(tokens[pos]!, pattern[j]!, loose) && (!kinWhole || context.clause[pos] === context.clause[i]);
      at.push(pos);
      pos++;
    }
    if (!ok || at.some((p) => masked[p] && !containsWord(pattern, masked[p]!))) continue;
    if (begunNotDone(tokens, pattern, at, loose)) continue;
    // An act she says did not happen ("ck ko đánh e nhưng chửi"), unless the phrase itself holds the negation.
    if (at.some((p) => negated.has(p) && !at.includes(negated.get(p)!))) continue;
    if (!loose || readingsAgree(tokens, pattern, at, readings, context.clause)) return { at };
  }
  return null;
}

/**
 * "đã" marks the act right after it as done. A word of asking or intending skipped between "đã"
 * and the phrase's act ("đã viết đơn ly hôn", "đã xin nghỉ việc", "đã muốn ly hôn") makes "đã" mark
 * that step instead: an act begun or wished for is not done, so "đã ly hôn" (an ex-husband) must
 * not read it.
 */
const DONE = 'đã';
const BEGUN = ['đơn', 'xin', 'muốn', 'định', 'đòi', 'dọa', 'nộp', 'viết'];
function begunNotDone(tokens: string[], pattern: string[], at: number[], loose: boolean): boolean {
  if (pattern[0] !== DONE || at.length < 2) return false;
  for (let p = at[0]! + 1; p < at[1]!; p++) if (BEGUN.some((w) => syllableMatches(tokens[p]!, w, loose))) return true;
  return false;
}

/** Where each token stands: its clause, and the acts a negator before them denies. */
interface MatchContext {
  /** Clause number of each token (clauseNumbers). */
  clause: number[];
  /** Token positions of a denied act → the position of the negator that denies it. */
  negated: Map<number, number>;
}

/**
 * The clause of each syllable of `question`, as syllables() cuts it: a comma, a sentence end, a
 * colon, a semicolon or a line break starts a new one; a dot or a comma between digits
 * ("2.000.000", "1,5 triệu") does not.
 */
export function clauseNumbers(question: string): number[] {
  const out: number[] = [];
  nfc(question)
    .split(/(?<!\d)[,.;:!?…\n]+|[,.;:!?…\n]+(?!\d)/u)
    .forEach((part, n) => {
      for (const _ of syllables(part)) out.push(n);
    });
  return out;
}

/** Words that deny the act right after them; "hề", "có", "bị" may stand between ("không hề đánh", "chưa bị đánh"). */
const NEGATORS = new Set(['không', 'chưa', 'chẳng', 'chả']);
const BETWEEN_NEGATOR_AND_ACT = ['hề', 'có', 'bị'];

/**
 * The acts of negated-acts.tsv she says did not happen: each syllable of such an act found right
 * after a negator in the same clause, mapped to the negator's position. Negators are matched as
 * typed when they carry dấu and by their folded form without ("ko" is already "không").
 */
function deniedActs(tokens: string[], loose: boolean, clause: number[]): Map<number, number> {
  const denied = new Map<number, number>();
  const acts = loadPhrases('negated-acts.tsv');
  const isNegator = (t: string) => [...NEGATORS].some((n) => syllableMatches(t, n, loose) && (t === n || fold(t) === t));
  for (let i = 0; i < tokens.length; i++) {
    for (const act of acts) {
      if (i + act.length > tokens.length || !act.every((syl, j) => syllableMatches(tokens[i + j]!, syl, loose) && clause[i + j] === clause[i])) continue;
      let before = i - 1;
      if (before >= 0 && clause[before] === clause[i] && BETWEEN_NEGATOR_AND_ACT.some((w) => syllableMatches(tokens[before]!, w, loose))) before--;
      if (before < 0 || clause[before] !== clause[i] || !isNegator(tokens[before]!)) continue;
      act.forEach((_, j) => denied.set(i + j, before));
    }
  }
  return denied;
}

function containsWord(pattern: string[], word: string[]): boolean {
  for (let i = 0; i + word.length <= pattern.length; i++) if (word.every((syl, j) => pattern[i + j] === syl)) return true;
  return false;
}

/**
 * A syllable matched on its own is weak evidence when typed without dấu. A one-syllable phrase
 * matched on an unaccented syllable must not be contradicted by its neighbours ("viet tat" is
 * "viết tắt", not "tát"); a syllable of a longer phrase that follows or precedes skipped words
 * must not be contradicted by the skipped word beside it ("vợ về mọi mặt" has no "vợ mất"). An
 * unaccented function word ("no": nó) is that word unless a neighbour says otherwise.
 */
function readingsAgree(tokens: string[], pattern: string[], at: number[], readings: PairReadings[], clause: number[]): boolean {
  if (pattern.length === 1) {
    const typed = tokens[at[0]!]!;
    // Typed as the phrase spells it, even a phrase without dấu ("gay", "giam"): weighing those by
    // their neighbours too cost the blind set a question (R@5 0.908 → 0.900), docs/history/reading-questions.md, stop 35.
    if (typed === pattern[0]) return true;
    const reading = plausibleReading(tokens, at[0]!, pattern[0]!, [-1, 1], readings);
    // "vay no" is "vay nợ"; a bare "no" is "nó".
    return STOP_SYLLABLES.has(typed) ? reading === 'attested' : reading !== 'contradicted';
  }
  if (edgeReadAsFunctionWord(tokens, pattern, at, readings, clause)) return false;
  return pattern.every((syl, j) => {
    const p = at[j]!;
    if (tokens[p] === syl) return true;
    const sides = [...(j > 0 && at[j - 1] !== p - 1 ? [-1] : []), ...(j < pattern.length - 1 && at[j + 1] !== p + 1 ? [1] : [])];
    if (!sides.length) return true;
    // A function word's spelling beside skipped words ("de con o nha": "để con ở nhà") is that
    // word unless the pair with the skipped word is known only as the phrase reads it: "đẻ con"
    // is written too, but so is "để con", and a gap after "để" is where its object stands.
    if (STOP_SYLLABLES.has(tokens[p]!) && !STOP_WORDS.has(syl)) return onlyReading(tokens, p, syl, sides, readings);
    const reading = plausibleReading(tokens, p, syl, sides, readings);
    return STOP_SYLLABLES.has(tokens[p]!) ? reading === 'attested' : reading !== 'contradicted';
  });
}

/**
 * A phrase that reads a function word's spelling as a content word at its edge ("bi ban" as "bị
 * bán") does not hold where the word just outside makes it the function word: "ban be" is only
 * ever "bạn bè", so "bi ban be bat nat" is bullying by friends, not trafficking. Only a content
 * word outside decides; function words pair with anything ("nghi de duoc" stays "nghỉ đẻ được").
 */
function edgeReadAsFunctionWord(tokens: string[], pattern: string[], at: number[], readings: PairReadings[], clause: number[]): boolean {
  const edges: [number, string, number, number | undefined][] = [
    [at[0]!, pattern[0]!, -1, at[1]],
    [at[at.length - 1]!, pattern[pattern.length - 1]!, 1, at[at.length - 2]],
  ];
  return edges.some(([p, syl, side, inner]) => {
    const typed = tokens[p]!;
    const outside = tokens[p + side];
    if (typed === syl || !STOP_SYLLABLES.has(typed) || STOP_WORDS.has(syl) || outside === undefined) return false;
    const forms = [...readingsOf(tokens, p, [side], readings)];
    if (!(forms.length > 0 && forms.every((f) => STOP_WORDS.has(f)))) return false;
    if (!STOP_SYLLABLES.has(fold(outside))) return true;
    // A function word just before the phrase (a modal or auxiliary: "muốn", "phải", "sẽ") decides
    // only where the phrase's own pair is read both ways: "muon de con" is "muốn để con" ("muốn
    // để" only, "để con" as well as "đẻ con"), while "nghi de" stays "nghỉ đẻ" ("nghỉ đẻ" is never
    // "nghỉ để" in what the texts write). One after it often starts the next words ("sinh con roi
    // anh ay…"), so it says nothing; nor does one in another clause.
    if (side > 0 || inner !== p - side || clause[p + side] !== clause[p]) return false;
    return [...readingsOf(tokens, p, [-side], readings)].some((f) => STOP_WORDS.has(f));
  });
}

/** Whether the known pairs of tokens[i] with its neighbours on `sides` read it as `reading` and never as a function word. */
function onlyReading(tokens: string[], i: number, reading: string, sides: number[], readings: PairReadings[]): boolean {
  const forms = [...readingsOf(tokens, i, sides, readings)];
  return forms.includes(reading) && !forms.some((f) => STOP_WORDS.has(f));
}

/**
 * Can the unaccented tokens[i] be read as `reading`, judging by the pairs it forms with the
 * neighbours on `sides` (-1 left, 1 right)? Not when such a pair is known (from the library or the
 * vocabulary) only with other readings: "voi nhau" is "với nhau", so its "nhau" is not "nhậu".
 * Unknown pairs say nothing either way.
 */
function plausibleReading(tokens: string[], i: number, reading: string, sides: number[], readings: PairReadings[]): 'attested' | 'contradicted' | 'unknown' {
  let attested = false;
  for (const mine of readingsOf(tokens, i, sides, readings)) {
    attested = true;
    if (mine === reading) return 'attested';
  }
  return attested ? 'contradicted' : 'unknown';
}

/**
 * The accented readings of tokens[i] that the known pairs with its neighbours on `sides` allow:
 * each form of each pair (library or vocabulary) whose other syllable agrees with the neighbour as
 * typed (a neighbour typed with dấu must agree with the form's accent).
 */
function* readingsOf(tokens: string[], i: number, sides: number[], readings: PairReadings[]): Generator<string> {
  for (const side of sides) {
    const other = i + side;
    if (other < 0 || other >= tokens.length) continue;
    const key = side < 0 ? `${fold(tokens[other]!)} ${fold(tokens[i]!)}` : `${fold(tokens[i]!)} ${fold(tokens[other]!)}`;
    for (const table of readings) {
      for (const form of table.get(key) ?? []) {
        const [x, y] = form.split(' ') as [string, string];
        const [mine, theirs] = side < 0 ? [y, x] : [x, y];
        if (syllableMatches(tokens[other]!, theirs, true)) yield mine;
      }
    }
  }
}

/**
 * Typed without dấu, a syllable that folds into a function word may be a content word: "de" in
 * "nghi de" is "đẻ", "tu" in "phat tu" is "tù", "chung" in "tai san chung" is "chung", "vay" in
 * "cho vay" is "vay". Each neighbour's pair, where known (library or vocabulary), gives a verdict:
 * content when it is known only in readings where the syllable is not a function word, function
 * word when only in readings where it is ("nhu vay" is "như vậy"), mixed when both ("thi con" is
 * "thì con" and "thì còn"). A function-word verdict on either side drops it; content on every
 * known side keeps it; where a side is mixed, or no pair with a neighbour is known ("cty duoi vi
 * co bau"), the spelling the library writes beside more words decides ("con" more than "còn",
 * "đuổi" less than "dưới"), since dropping a word she meant costs more than searching one she did
 * not. Stop 32: mixed sides so, blind stripped MRR 0.745 → 0.752, R@10 0.933 → 0.942; unknown
 * sides too, stripped R@5 0.867 → 0.875, MRR → 0.755; every other blind figure unchanged. Dropping
 * it whenever any reading was a function word (before) lost "con" in "ly hon thi con theo me".
 */
function readAsContentWord(tokens: string[], i: number, readings: PairReadings[]): boolean {
  const syllable = tokens[i]!;
  if (fold(syllable) !== syllable) return false;
  const verdicts = [-1, 1].map((side) => {
    const forms = [...readingsOf(tokens, i, [side], readings)];
    const stop = forms.filter((f) => STOP_WORDS.has(f)).length;
    return forms.length === 0 ? 'unknown' : stop === 0 ? 'content' : stop === forms.length ? 'function' : 'mixed';
  });
  if (verdicts.includes('function')) return false;
  if (verdicts.includes('content') && !verdicts.includes('mixed')) return true;
  // Read both ways, or beside words nobody wrote: the spelling the library writes more.
  return contentSpellingsPrevail(syllable, readings);
}

/** Whether the library writes a folded syllable more often as a content word than as a function word. */
function contentSpellingsPrevail(folded: string, readings: PairReadings[]): boolean {
  let content = 0;
  let functionWord = 0;
  for (const table of readings) {
    for (const [spelling, n] of table.spellings(folded) ?? []) {
      if (STOP_WORDS.has(spelling)) functionWord += n;
      else content += n;
    }
  }
  return content > functionWord;
}

export interface AnalyzedQuery {
  /** Lower-case NFC syllables after shorthand expansion. */
  tokens: string[];
  /** Content syllables of the question, folded (stop syllables removed). */
  terms: string[];
  /** Adjacent syllable pairs of the question, folded and joined ("baoluc"). */
  pairs: string[];
  /** Folded content syllables and pairs from the vocabulary expansion. */
  expansionTerms: string[];
  /** Share (0–1] of the expansion weight each expansion term gets. */
  expansionShare: Map<string, number>;
  /** Matched topics, the one with most matched phrases first. */
  topics: string[];
  /**
   * What she asks about, apart from how she asks: the topics read from other words than asking
   * ones (topics.tsv "asks": "bị phạt bao nhiêu", "báo ai") and her content syllables outside
   * question frames and asking phrases, folded. "vượt đèn đỏ bị phạt bao nhiêu" has the topic of
   * sanctions but no subject topic, and its subject is "vượt đèn đỏ".
   */
  subject: { topics: string[]; terms: string[] };
  /** Human-readable legal phrases that were added. */
  concepts: string[];
  /** The question with the expansion appended: what the embedder sees. */
  expanded: string;
  /** The terms she typed with dấu, and the spellings they may be matched by (spellings.ts). */
  spellings: TermSpellings;
}

/**
 * `library`: pair readings of the indexed texts (see readings.ts); the vocabulary's own are always
 * used. `vocabulary`: the bundled thesaurus unless given (the check reads candidate tables).
 */
export function analyzeQuery(question: string, library?: PairReadings, vocabulary: CompiledVocabulary = bundledVocabulary()): AnalyzedQuery {
  const sh = loadShorthand();
  const raw = syllables(question);
  const rawClause = clauseNumbers(question);
  const typed: string[] = [];
  const clause: number[] = [];
  raw.forEach((t, i) => {
    const rep = standardForm(sh, raw, i);
    const standard = rep ? syllables(rep) : [t];
    typed.push(...standard);
    for (const _ of standard) clause.push(rawClause[i] ?? 0);
  });
  const concepts: string[] = [];
  // Mixed messages ("ck e danh e") count as typed without dấu when most syllables carry none.
  const loose = typedWithoutDiacritics(raw);
  const readings = library ? [vocabulary.readings, library] : [vocabulary.readings];
  // Dấu typed imperfectly ("chồng giử hết lương") read as meant, where the library can tell (respell.ts).
  const tokens = library ? respell(typed, loose, readings) : typed;
  // Syllables inside a word that only looks like a trigger ("đánh bạc") match no shorter phrase.
  const masked = markPhrases(tokens, loadPhrases('other-words.tsv'), loose);
  const context: MatchContext = { clause, negated: deniedActs(tokens, loose, clause) };
  // A death reads inheritance only beside another word of it (the death rows are conditional,
  // vocabulary.tsv): "chồng mất 2 năm rồi, giờ em muốn đi bước nữa thì có phải xin phép nhà chồng
  // không" tells the death as the background of a question on remarrying, and had led with BLDS
  // Điều 655 khoản 3 (a widow who remarries still inherits). Property, a share or a debt beside the
  // death asks about what he left though no row lists those words (rank/inheritance.ts asksEstate).
  const held = asksEstate(tokens.join(' ')) ? new Set([INHERITANCE_TOPIC]) : new Set<string>();
  const matches = matchVocabulary(vocabulary.entries, tokens, loose, readings, masked, context, held);
  const topicHits = new Map<string, number>();
  for (const m of matches) topicHits.set(m.e.topic, (topicHits.get(m.e.topic) ?? 0) + m.phrases.length);
  // A phrase listed under several topics ("chia đất": divorce or inheritance) belongs to the topic
  // the rest of the question supports best ("chồng mất … chia đất" is inheritance); a concept
  // whose every matched phrase belongs elsewhere adds nothing.
  const owners = phraseOwners(matches, topicHits);
  for (const m of matches) {
    if (m.e.expansion === '-' || concepts.includes(m.e.expansion)) continue;
    if (m.phrases.some((p) => owners.get(p)?.includes(m.e.topic) ?? true)) concepts.push(m.e.expansion);
  }
  const child = underAgeMarriage(tokens, loose);
  if (child) {
    topicHits.set('hon_nhan', (topicHits.get('hon_nhan') ?? 0) + 2);
    concepts.push(child);
  }
  // Work told by the clock in the law's night hours (clock-times.ts).
  const night = nightWork(tokens);
  if (night && !concepts.includes(night)) {
    topicHits.set('lao_dong_nu', (topicHits.get('lao_dong_nu') ?? 0) + 1);
    concepts.push(night);
  }
  // The topic with the most matched phrases first: it decides the answer's next steps.
  const topics = [...topicHits].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  // How she asks ("có sai luật không"), not what about: left out of the search terms.
  const inFrame = markPhrases(tokens, loadPhrases('question-frames.tsv'), loose).map(Boolean);
  const content = (t: string, i: number) => !inFrame[i] && (!isStopSyllable(t, loose) || (loose && readAsContentWord(tokens, i, readings)));
  const terms = tokens.filter(content).map(fold);
  // Words read only as asking ("bị phạt bao nhiêu") are how she asks; a word another topic also
  // read ("đánh" of "đánh vợ bị phạt") stays her subject.
  const asked = new Set(matches.filter((m) => vocabulary.asking.has(m.e.topic)).flatMap((m) => m.at));
  for (const m of matches) if (!vocabulary.asking.has(m.e.topic)) for (const i of m.at) asked.delete(i);
  const subject = {
    topics: topics.filter((t) => !vocabulary.asking.has(t)),
    terms: tokens.filter((t, i) => content(t, i) && !asked.has(i)).map(fold),
  };
  // Pairs within the content between frames, never across one.
  const pairs: string[] = [];
  let run: string[] = [];
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && !inFrame[i]) run.push(fold(tokens[i]!));
    else {
      pairs.push(...pairsOf(run));
      run = [];
    }
  }

  // Each concept gets about the same say, however many words its legal phrasing has: a long
  // expansion ("báo tin tố giác tiếp nhận xử lý") must not drown a short one ("quấy rối tình dục").
  const expansionShare = new Map<string, number>();
  for (const c of concepts) {
    // Pairs within each of its concepts ("bạo lực gia đình; đánh đập"), never across two.
    const written = conceptsOf(c).map((part) => syllables(part));
    const parts = written.map((p) => p.map(fold));
    const terms = [
      ...new Set([
        ...written
          .flat()
          .filter((t) => !isStopSyllable(t, false))
          .map(fold),
        ...parts.flatMap(pairsOf),
      ]),
    ];
    const share = Math.min(1, CONCEPT_BUDGET / Math.max(1, terms.length));
    for (const t of terms) expansionShare.set(t, Math.max(expansionShare.get(t) ?? 0, share));
  }
  const expansionTerms = [...expansionShare.keys()];
  const expanded = [tokens.join(' '), ...concepts].join(' ');
  return { tokens, terms, pairs, expansionTerms, expansionShare, topics, subject, concepts, expanded, spellings: termSpellings(tokens, loose, concepts) };
}

interface VocabMatch {
  e: VocabEntry;
  /** The matched phrases, as their syllables joined by spaces. */
  phrases: string[];
  /** The question's tokens the phrases matched. */
  at: number[];
}

/**
 * Every vocabulary entry with the phrases of it found in the question. The longest phrase wins
 * where two overlap ("không đưa tiền nuôi con" is child support, so its "không đưa tiền" does not
 * also count as economic violence), and a conditional entry ("trở về" for a trafficking victim)
 * needs another phrase of its topic, or the topic `held` by a reading of the whole message.
 */
function matchVocabulary(
  entries: VocabEntry[],
  tokens: string[],
  loose: boolean,
  readings: PairReadings[],
  masked: (string[] | undefined)[],
  context: MatchContext,
  held: ReadonlySet<string> = new Set(),
): VocabMatch[] {
  const found: { e: VocabEntry; phrase: string; length: number; span: Span }[] = [];
  // Most of the thesaurus shares no word with a question: the folded test skips it cheaply.
  const present = new Set(tokens.map(fold));
  for (const e of entries) {
    for (let k = 0; k < e.patterns.length; k++) {
      if (!e.folded[k]!.every((syl) => present.has(syl))) continue;
      const p = e.patterns[k]!;
      const span = findPattern(tokens, p, loose, readings, masked, context);
      if (span) found.push({ e, phrase: p.join(' '), length: p.length, span });
    }
  }
  // Longer means more matched syllables, not a wider span: a phrase gives way only to a longer one
  // that matched its very tokens. Words a phrase skipped are not its own: in "nghỉ đẻ được mấy
  // tháng", "nghỉ … mấy tháng" skips "đẻ" and leaves "nghỉ đẻ" standing.
  const shadows = (g: (typeof found)[number], f: (typeof found)[number]) => g.e !== f.e && g.length > f.length && f.span.at.every((p) => g.span.at.includes(p));
  // A conditional phrase whose topic nothing else supports ("có được trợ cấp" of severance, with no
  // work in the message) is dropped below, so it shadows no shorter phrase: "bị lừa bán … có được
  // trợ cấp gì" keeps the trafficking victim's "trợ cấp".
  const heldTopics = new Set([...held, ...found.filter((f) => !f.e.conditional && !found.some((g) => shadows(g, f))).map((f) => f.e.topic)]);
  const eligible = found.filter((f) => !f.e.conditional || heldTopics.has(f.e.topic));
  const kept = eligible.filter((f) => !eligible.some((g) => shadows(g, f)));
  const byEntry = new Map<VocabEntry, { phrases: string[]; at: number[] }>();
  for (const f of kept) {
    const m = byEntry.get(f.e) ?? { phrases: [], at: [] };
    m.phrases.push(f.phrase);
    m.at.push(...f.span.at);
    byEntry.set(f.e, m);
  }
  const supported = new Set([...held, ...[...byEntry.keys()].filter((e) => !e.conditional).map((e) => e.topic)]);
  return [...byEntry].filter(([e]) => !e.conditional || supported.has(e.topic)).map(([e, m]) => ({ e, ...m }));
}

/** For phrases matched under more than one topic: the topics with the most other support. */
function phraseOwners(matches: VocabMatch[], topicHits: Map<string, number>): Map<string, string[]> {
  const topicsOf = new Map<string, Set<string>>();
  for (const m of matches) for (const p of m.phrases) topicsOf.set(p, (topicsOf.get(p) ?? new Set()).add(m.e.topic));
  const owners = new Map<string, string[]>();
  for (const [phrase, topics] of topicsOf) {
    if (topics.size < 2) continue;
    const support = [...topics].map((t) => [t, (topicHits.get(t) ?? 0) - 1] as const);
    const best = Math.max(...support.map(([, n]) => n));
    owners.set(
      phrase,
      support.filter(([, n]) => n === best).map(([t]) => t),
    );
  }
  return owners;
}

/**
 * Pronouns that are also kinship words: "anh", "chị", "em" are dropped as pronouns, but together
 * ("anh chị em", "chị em") they name siblings, a relation the law deals with.
 */
const KIN = new Set(['anh', 'chi', 'em']);

/** Adjacent syllables as one token ("bao luc" → "baoluc"), as ingest writes them; not two stop syllables. */
export function pairsOf(folded: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < folded.length; i++) {
    const a = folded[i]!;
    const b = folded[i + 1]!;
    if (!(STOP_SYLLABLES.has(a) && STOP_SYLLABLES.has(b)) || (KIN.has(a) && KIN.has(b))) out.push(a + b);
  }
  return out;
}

/**
 * "con gái 16 tuổi bị ép lấy chồng": an age under 18 with an act of marrying near it
 * (data/marrying.tsv) is about tảo hôn (the minimum age is 18 for women and 20 for men, Điều 8
 * Luật Hôn nhân và gia đình). Near means the act follows the age within a short clause, or comes
 * just before it ("gả con 15 tuổi").
 */
const AFTER_AGE = 8;
const BEFORE_AGE = 4;
function underAgeMarriage(tokens: string[], loose: boolean): string | null {
  const marks = markPhrases(tokens, loadPhrases('marrying.tsv'), loose);
  // "lấy chồng khác", "cưới vợ khác": a remarriage, so the one marrying was married before — an
  // adult ("con bé 8 tuổi, mẹ nó đi lấy chồng khác" is about the mother).
  const acts = marks.flatMap((m, i) => (m && marks[i - 1] !== m && !isRemarriage(tokens, i + m.length) ? [i] : []));
  if (!acts.length) return null;
  const folded = tokens.map(fold);
  const childAge = folded.some((t, i) => {
    if (!/^\d{1,2}$/.test(t) || Number(t) >= 18 || folded[i + 1] !== 'tuoi') return false;
    return acts.some((a) => (a > i && a - i <= AFTER_AGE) || (a < i && i - a <= BEFORE_AGE));
  });
  return childAge ? 'tảo hôn chưa đủ tuổi kết hôn điều kiện kết hôn' : null;
}

function isRemarriage(tokens: string[], after: number): boolean {
  return tokens[after] === 'khác' || tokens[after] === 'khac';
}

/** Strip all diacritics (used by the evaluation's --strip-diacritics and by tests). */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
