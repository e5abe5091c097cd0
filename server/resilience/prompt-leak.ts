import { render } from '../answer/templates.js';

/**
 * A model that obeys an injected "reveal your instructions" (in a question or inside an uploaded
 * document) repeats its system prompt. We cannot see intent, but we can see copying: an answer
 * that shares LEAK_NGRAMS or more distinct 8-word runs with the system prompt is withheld.
 * One rule of the prompt is about 15 such runs; the longest phrase an honest answer shares with
 * it ("liên hệ Trung tâm trợ giúp pháp lý nhà nước hoặc Hội Phụ nữ xã") is 7.
 */
const N = 8;
const LEAK_NGRAMS = 12;

const words = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function ngrams(ws: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + N <= ws.length; i++) out.add(ws.slice(i, i + N).join(' '));
  return out;
}

let system: Set<string> | null = null;

/** True when `text` copies enough of the LLM system prompt (prompts/llm-system.vi.md) to be a leak. */
export function repeatsSystemPrompt(text: string): boolean {
  system ??= ngrams(words(render('llm-system.vi.md')));
  const ws = words(text);
  const shared = new Set<string>();
  for (let i = 0; i + N <= ws.length; i++) {
    const g = ws.slice(i, i + N).join(' ');
    if (system.has(g) && shared.add(g).size >= LEAK_NGRAMS) return true;
  }
  return false;
}
