import { readTable } from '../templates.js';

/**
 * One concrete next step (who to call, where to go) for the article that answered the question,
 * else for its law or, when that law has none of its own (a law covering many subjects), for the
 * question's topic (prompts/what-to-do.tsv). The answering article and law come first because the
 * vocabulary topic can be a side word ("có bầu" in a question about dismissal). A law speaking of
 * several things keeps per-article rows: Nghị định 282 fines a beating (call 113 now) and a
 * maintenance left unpaid (ask the commune, the enforcement office), and the step must fit what
 * its article is about, not the law's most urgent case. Practical advice, never a statement of
 * law, so it cites nothing.
 */
let table: Map<string, string> | null = null;

/** A row's key: "law:<số hiệu>", "law:<số hiệu> Điều 38, 43" (one key per article), "topic:<t>" or "*". */
function keysOf(key: string): string[] {
  const m = /^(law:\S+) Điều (.+)$/u.exec(key);
  if (!m) return [key];
  return m[2]!.split(',').map((a) => `${m[1]} Điều ${a.trim()}`);
}

function load(): Map<string, string> {
  const t = new Map<string, string>();
  for (const [k, v] of readTable('what-to-do.tsv')) for (const key of keysOf(k!)) t.set(key, v!);
  return t;
}

export function whatToDo(topics: string[], lawNumber: string | null, legalAidPhone: string, article: string | null = null): string | null {
  table ??= load();
  const keys = [
    ...(lawNumber && article ? [`law:${lawNumber} Điều ${article}`] : []),
    ...(lawNumber ? [`law:${lawNumber}`] : []),
    ...topics.map((t) => `topic:${t}`),
    '*',
  ];
  const step = keys.map((k) => table!.get(k)).find(Boolean);
  return step ? step.replace(/\{\{legalAid\}\}/g, legalAidPhone ? ` (${legalAidPhone})` : '') : null;
}
