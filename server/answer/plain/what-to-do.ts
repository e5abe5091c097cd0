import { readTable } from '../templates.js';

/**
 * One concrete next step (who to call, where to go) for the law that answered the question or,
 * when that law has none of its own (a penalty decree, a law covering many subjects), for the
 * question's topic (prompts/what-to-do.tsv). The answering law comes first because the vocabulary
 * topic can be a side word ("có bầu" in a question about dismissal). Practical advice, never a
 * statement of law, so it cites nothing.
 */
let table: Map<string, string> | null = null;

export function whatToDo(topics: string[], lawNumber: string | null, legalAidPhone: string): string | null {
  table ??= new Map(readTable('what-to-do.tsv').map(([k, v]) => [k!, v!]));
  const keys = [...(lawNumber ? [`law:${lawNumber}`] : []), ...topics.map((t) => `topic:${t}`), '*'];
  const step = keys.map((k) => table!.get(k)).find(Boolean);
  return step ? step.replace(/\{\{legalAid\}\}/g, legalAidPhone ? ` (${legalAidPhone})` : '') : null;
}
