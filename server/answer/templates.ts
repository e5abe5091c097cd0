import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Prompt and answer templates live as files in prompts/; `{{name}}` is the only syntax. */
const PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prompts');
const cache = new Map<string, string>();

export function templateText(file: string): string {
  let t = cache.get(file);
  if (t === undefined) {
    t = fs.readFileSync(path.join(PROMPTS_DIR, file), 'utf8').normalize('NFC').replace(/\n+$/, '');
    cache.set(file, t);
  }
  return t;
}

/** Fills `{{name}}` placeholders in one pass, so values containing "{{…}}" are never re-expanded. */
export function render(file: string, vars: Record<string, string> = {}): string {
  return templateText(file).replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}

export function readTable(file: string): string[][] {
  return templateText(file)
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}
