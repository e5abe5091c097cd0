import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitHeader } from '../ingest/parse/header.js';
import { parseStructure } from '../ingest/structure/legal.js';
import { fold } from '../ingest/text/vietnamese.js';
import { readQuestions } from '../eval/questions.js';
import { analyzeQuery } from '../server/retrieval/query.js';

/**
 * npx tsx scripts/thesaurus-misreadings.ts [--questions FILE …] [--top 40] [--examples 4]
 *
 * Where the thesaurus (server/retrieval/data/vocabulary.tsv) reads a concept into text that is not
 * about it. Each member phrasing of corpus/articles (a `hỏi` row) is a question whose article is
 * known; a concept the thesaurus reads into it that its article never writes is a candidate
 * misreading — a phrase matched inside another word ("giờ làm" in "giờ làm khai sinh"), across a
 * gap it should not span ("con … chồng" in "con gái lấy chồng"), or a bare phrase whose matter is
 * told by its neighbours ("nói miệng" beside work is no oral will). Concepts are listed by how many
 * texts read them without their article writing any of their words, with examples to read.
 * Many listed are right readings whose article simply says it otherwise: the list is for reading,
 * not a score. `--questions` scans question files instead (JSON Lines with law and articles, as
 * `npm run eval` reads them): measuring on a set this way makes its figures in-sample.
 */

const { values } = parseArgs({
  options: {
    questions: { type: 'string', multiple: true },
    top: { type: 'string', default: '40' },
    examples: { type: 'string', default: '4' },
  },
});

const CORPUS = path.resolve(import.meta.dirname, '../corpus');

/** Each bundled law's articles, folded, as the ingest parser reads them: `${number}#${article}` → text. */
function articleTexts(): { byKey: Map<string, string>; files: { file: string; number: string }[] } {
  const byKey = new Map<string, string>();
  const files: { file: string; number: string }[] = [];
  for (const file of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
    const split = splitHeader(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
    const number = split?.fields.number;
    if (!split || !number) continue;
    files.push({ file, number });
    for (const a of parseStructure(split.body).articles) {
      const body = [a.title, ...a.intro, ...a.clauses.flatMap((c) => [c.text, ...c.points.map((p) => p.text), ...c.tail])].join(' ');
      byKey.set(`${number}#${a.label}`, fold(body.toLowerCase()));
    }
  }
  return { byKey, files };
}

/** Texts to scan, each with the article(s) it is about. */
function* texts(arts: ReturnType<typeof articleTexts>): Generator<{ text: string; keys: string[]; label: string }> {
  if (values.questions?.length) {
    for (const file of values.questions) {
      for (const q of readQuestions(file)) {
        if (q.out_of_scope || !q.law || !q.articles?.length) continue;
        const law = q.law;
        yield { text: q.question, keys: q.articles.map((a) => `${law}#${a}`), label: q.id };
      }
    }
    return;
  }
  for (const { file, number } of arts.files) {
    const notes = path.join(CORPUS, 'articles', file.replace(/\.txt$/, '.tsv'));
    if (!fs.existsSync(notes)) continue;
    for (const line of fs.readFileSync(notes, 'utf8').split('\n')) {
      const [article, , , kind, text] = line.split('\t');
      if (kind !== 'hỏi' || !article || !text) continue;
      yield { text, keys: [`${number}#${article}`], label: `${number} Điều ${article}` };
    }
  }
}

const arts = articleTexts();
const seen = new Map<string, { read: number; unwritten: number; examples: string[] }>();
for (const { text, keys, label } of texts(arts)) {
  const article = keys.map((k) => arts.byKey.get(k) ?? '').join(' ');
  if (!article.trim()) continue;
  for (const concept of new Set(analyzeQuery(text).concepts)) {
    const s = seen.get(concept) ?? { read: 0, unwritten: 0, examples: [] };
    s.read++;
    const words = fold(concept.toLowerCase())
      .split(/[;,]\s*/)
      .filter(Boolean);
    if (!words.some((w) => article.includes(w))) {
      s.unwritten++;
      if (s.examples.length < Number(values.examples)) s.examples.push(`${label}: ${text.slice(0, 100)}`);
    }
    seen.set(concept, s);
  }
}
const listed = [...seen].filter(([, s]) => s.unwritten > 0).sort((a, b) => b[1].unwritten - a[1].unwritten);
for (const [concept, s] of listed.slice(0, Number(values.top))) {
  console.log(`${s.unwritten}/${s.read}\t${concept}`);
  for (const e of s.examples) console.log(`\t${e}`);
}
