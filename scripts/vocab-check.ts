import path from 'node:path';
import { checkVocabulary, readLawTexts } from '../server/retrieval/vocabulary-check.js';
import { readTopics, readVocabulary } from '../server/retrieval/vocabulary.js';

/** npm run vocab:check — the thesaurus (server/retrieval/data) against the bundled laws; exit 1 on any problem. */
const corpus = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'corpus'));
const rows = readVocabulary();
const topics = readTopics();
const errors = checkVocabulary(rows, topics, readLawTexts(corpus));
for (const e of errors) console.log(e);
console.log(`vocabulary.tsv: ${rows.length} rows, ${topics.length} topics, ${errors.length ? `${errors.length} problem(s)` : 'ok'}`);
process.exit(errors.length ? 1 : 0);
