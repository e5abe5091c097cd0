import fs from 'node:fs';
import path from 'node:path';
import { nfc } from '../text/vietnamese.js';

/**
 * The per-article notes files of the bundled corpus (corpus/articles/*.tsv, format in its
 * README): how members ask about an article ('hỏi') and what it means for them ('nghĩa').
 */
export type NoteKind = 'ask' | 'meaning';

export interface NoteRow {
  article: string;
  clause: string | null;
  point: string | null;
  kind: NoteKind;
  text: string;
  /** 1-based line in the file, for messages. */
  line: number;
}

export interface ParsedNotes {
  rows: NoteRow[];
  errors: string[];
}

const KINDS: Record<string, NoteKind> = { hỏi: 'ask', nghĩa: 'meaning' };
const LABEL_RE = /^\d+[a-zđ]?$/u;

export function parseNotes(text: string): ParsedNotes {
  const rows: NoteRow[] = [];
  const errors: string[] = [];
  nfc(text)
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (!raw.trim() || raw.startsWith('#')) return;
      const cols = raw.split('\t').map((c) => c.trim());
      if (cols.length !== 5) return errors.push(`line ${line}: ${cols.length} columns, expected 5`);
      const [article, clause, point, kindText, body] = cols as [string, string, string, string, string];
      const kind = KINDS[kindText];
      if (!LABEL_RE.test(article)) errors.push(`line ${line}: article "${article}" is not an article number`);
      else if (clause && !LABEL_RE.test(clause)) errors.push(`line ${line}: clause "${clause}" is not a clause number`);
      else if (point && !/^[a-zđ]\d?$/u.test(point)) errors.push(`line ${line}: point "${point}" is not a point letter`);
      else if (point && !clause) errors.push(`line ${line}: a point needs its clause`);
      else if (!kind) errors.push(`line ${line}: kind "${kindText}" is neither hỏi nor nghĩa`);
      else if (!body) errors.push(`line ${line}: empty text`);
      else rows.push({ article, clause: clause || null, point: point || null, kind, text: body, line });
    });
  return { rows, errors };
}

/** corpus/x.txt → corpus/articles/x.tsv, when it exists. */
export function notesFileFor(documentFile: string): string | null {
  const file = path.join(path.dirname(documentFile), 'articles', `${path.basename(documentFile).replace(/\.[^.]+$/, '')}.tsv`);
  return fs.existsSync(file) ? file : null;
}
