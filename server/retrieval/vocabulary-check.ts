import fs from 'node:fs';
import path from 'node:path';
import { splitHeader } from '../../ingest/parse/header.js';
import { parseStructure } from '../../ingest/structure/legal.js';
import { fold, syllables } from '../../ingest/text/vietnamese.js';
import { analyzeQuery, compileVocabulary, stripDiacritics } from './query.js';
import { conceptsOf, type TopicRow, type VocabRow } from './vocabulary.js';

/**
 * The check behind `npm run vocab:check` and tests/vocabulary.test.ts. The thesaurus maps everyday
 * concepts to the law's concepts; what makes a row a defect:
 * - no example, or an example that does not read the row (with dấu and without): examples are tests;
 * - a topic not declared in topics.tsv (or declared twice, or declared and never used);
 * - an expansion concept the bundled laws never write: it must be the law's own wording;
 * - an expansion concept that repeats the title of one article (and is not itself a term the law
 *   writes in several articles): that steers every question with the phrase to that article, which
 *   is fitting one question, not mapping a concept.
 */

/** A title written in the text of fewer articles than this (besides its own) names that one article. */
const TERM_USES = 2;
/**
 * A concept written in the text of at least this many articles is a term of the law, even where it
 * overlaps a title; one written in two ("…khi khám thai") is still one article's wording.
 */
const CONCEPT_USES = 3;
/** A concept repeats a title when it shares a run of at least this many syllables with it… */
const MIN_RUN = 3;
/** …covering at least this share of the title… */
const TITLE_SHARE = 0.75;
/** …and more than this share of the concept ("nghĩa vụ chung về tài sản" is not "Quyền về tài sản"). */
const CONCEPT_SHARE = 0.5;

export interface LawTexts {
  /** Folded syllables of each article title that names one article, with where it is from. */
  titles: { where: string; title: string; syllables: string[] }[];
  /** Every article's title and text, folded, syllables joined by single spaces, padded with spaces. */
  articles: string[];
  /** The same without the titles. */
  bodies: string[];
}

const key = (s: string) => ` ${syllables(fold(s)).join(' ')} `;

/** The bundled law texts (corpus/*.txt): their articles and the titles that name one article. */
export function readLawTexts(corpusDir: string): LawTexts {
  const all: { where: string; title: string; body: string }[] = [];
  for (const f of fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = fs.readFileSync(path.join(corpusDir, f), 'utf8');
    for (const a of parseStructure(splitHeader(text)?.body ?? text).articles) {
      const body = [...a.intro, ...a.clauses.flatMap((c) => [c.text, ...c.points.map((p) => p.text), ...c.tail])].join(' ');
      all.push({ where: `${f} Điều ${a.label}`, title: a.title, body: key(body) });
    }
  }
  const articles = all.map((a) => `${key(a.title)}${a.body}`);
  const titles = all
    .filter((a) => syllables(a.title).length >= MIN_RUN)
    .filter((a) => {
      const t = key(a.title);
      return all.filter((b) => b !== a && b.body.includes(t)).length < TERM_USES;
    })
    .map((a) => ({ where: a.where, title: a.title, syllables: syllables(fold(a.title)) }));
  return { titles, articles, bodies: all.map((a) => a.body) };
}

/** Length of the longest run of syllables the two sequences share. */
function longestRun(a: string[], b: string[]): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      best = Math.max(best, prev[j]!);
      diag = up;
    }
  }
  return best;
}

/** Every problem of the table, as "line N: …" (empty when the table is sound). */
export function checkVocabulary(rows: VocabRow[], topics: TopicRow[], laws: LawTexts): string[] {
  const errors: string[] = [];
  const declared = new Map<string, number>();
  for (const t of topics) {
    if (!/^[a-z_]+$/.test(t.topic)) errors.push(`topics.tsv line ${t.line}: topic "${t.topic}" must be lower-case letters and "_"`);
    if (!t.description) errors.push(`topics.tsv line ${t.line}: topic "${t.topic}" has no description`);
    if (t.kind && !t.asks) errors.push(`topics.tsv line ${t.line}: topic "${t.topic}": the third column is "asks" or nothing, not "${t.kind}"`);
    if (declared.has(t.topic)) errors.push(`topics.tsv line ${t.line}: topic "${t.topic}" is already declared on line ${declared.get(t.topic)}`);
    else declared.set(t.topic, t.line);
  }
  const used = new Set(rows.map((r) => r.topic));
  for (const [topic, line] of declared) if (!used.has(topic)) errors.push(`topics.tsv line ${line}: topic "${topic}" has no row`);

  const compiled = compileVocabulary(rows);
  const seen = new Map<string, number>();
  for (const r of rows) {
    const at = `line ${r.line}`;
    if (r.columns !== 4) errors.push(`${at}: ${r.columns} columns, expected 4 (topic, phrases, expansion, example)`);
    if (r.notNfc) errors.push(`${at}: not in NFC`);
    if (!declared.has(r.topic)) errors.push(`${at}: unknown topic "${r.topic}" (declare it in topics.tsv)`);
    if (!r.phrases.length) errors.push(`${at}: no phrases`);
    for (const p of r.phrases) {
      const k = `${r.topic} ${syllables(p).join(' ')}`;
      if (seen.has(k)) errors.push(`${at}: phrase "${p}" is already listed for ${r.topic} on line ${seen.get(k)}`);
      else seen.set(k, r.line);
    }
    if (!r.expansion) errors.push(`${at}: no expansion (write "-" to only recognise the topic)`);
    for (const c of conceptsOf(r.expansion)) {
      const k = key(c);
      if (!laws.articles.some((a) => a.includes(k))) errors.push(`${at}: "${c}" is not written in any bundled law; use the law's own words`);
      // "hợp đồng lao động" is a term although an article is titled "Loại hợp đồng lao động".
      if (laws.bodies.filter((b) => b.includes(k)).length >= CONCEPT_USES) continue;
      const s = syllables(fold(c));
      for (const t of laws.titles) {
        const run = longestRun(s, t.syllables);
        if (run >= MIN_RUN && run >= TITLE_SHARE * t.syllables.length && run > CONCEPT_SHARE * s.length) {
          errors.push(`${at}: "${c}" repeats the title of ${t.where} ("${t.title}"); map to the concept, not to one article`);
        }
      }
    }
    if (!r.example) {
      errors.push(`${at}: no example message`);
      continue;
    }
    for (const [form, text] of [
      ['', r.example],
      [' without dấu', stripDiacritics(r.example)],
    ] as const) {
      const q = analyzeQuery(text, undefined, compiled);
      const reads = r.expansion === '-' ? q.topics.includes(r.topic) : q.concepts.includes(r.expansion);
      if (!reads) errors.push(`${at}: the example${form} ("${text}") does not read this row`);
    }
  }
  return errors;
}
