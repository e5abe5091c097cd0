import fs from 'node:fs';
import path from 'node:path';
import { splitHeader } from '../parse/header.js';
import { parseStructure } from '../structure/legal.js';
import { checkNotes } from './check.js';
import { notesFileFor, parseNotes } from './notes-file.js';

export interface NotesReport {
  document: string;
  notesFile: string | null;
  rows: number;
  errors: string[];
}

/** Every bundled text of a corpus folder with its notes file, checked (npm run notes:check, tests). */
export function checkBundledNotes(corpusDir: string): NotesReport[] {
  return fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const document = path.join(corpusDir, f);
      const notesFile = notesFileFor(document);
      if (!notesFile) return { document, notesFile, rows: 0, errors: [] };
      const text = fs.readFileSync(document, 'utf8');
      const structure = parseStructure(splitHeader(text)?.body ?? text);
      const notes = parseNotes(fs.readFileSync(notesFile, 'utf8'));
      return { document, notesFile, rows: notes.rows.length, errors: checkNotes(structure, notes) };
    });
}
