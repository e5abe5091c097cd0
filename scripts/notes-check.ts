import fs from 'node:fs';
import path from 'node:path';
import { checkBundledNotes } from '../ingest/notes/bundled.js';

/** npm run notes:check — the bundled notes files against their documents; exit 1 on any error. */
const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'corpus'));
if (!fs.existsSync(dir)) {
  console.error(`no corpus folder at ${dir}`);
  process.exit(2);
}
let failed = 0;
for (const r of checkBundledNotes(dir)) {
  const status = r.errors.length ? `${r.errors.length} problem(s)` : 'ok';
  console.log(`${path.basename(r.document)}: ${r.notesFile ? `${r.rows} rows, ${status}` : 'NO NOTES FILE'}`);
  for (const e of r.errors.slice(0, 50)) console.log(`  ${e}`);
  if (r.errors.length || !r.notesFile) failed++;
}
process.exit(failed ? 1 : 0);
