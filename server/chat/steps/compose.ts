import type { AlsoAsked, AnswerOutput, Citation, Turn } from '../../answer/answerer.js';
import { disclaimer } from '../../answer/disclaimer.js';
import { periodNotes, provincialPart } from '../../answer/provincial.js';
import { namedPart, successorPart } from '../../answer/successor-part.js';
import { render } from '../../answer/templates.js';
import { refusalText, safetyPreface, type Numbers, type SafetyNumber } from '../../safety/gate.js';
import type { NoLongerInForce } from '../../library/successor.js';
import type { ArticleHit, SearchResult } from '../../retrieval/retriever.js';
import type { Services } from '../../services.js';
import type { Source } from './source.js';
import type { Triage } from './triage.js';

export interface ComposeInput {
  message: string;
  resolved: string;
  turns: Turn[];
  triage: Triage;
  dial: Numbers;
  numbers: SafetyNumber[];
  /** Her other questions in the message, each with its own search (questions.ts). */
  alsoAsked?: AlsoAsked[];
  signal?: AbortSignal;
}

/**
 * Step 5: the one place an answer's text is put together, whatever its source. An answer reads,
 * top to bottom: the helplines (emergency: what to do now; urgent: where to get help), the
 * substance (an official's answer, the answerer's reading of the law, or a refusal; opened, when
 * she names a text no longer in force, by that and what applies now), the lines
 * only the chat adds (the province's part, what replaced an old text, past plans), and the
 * closing line with the legal-aid number. Streams through onToken in that order. The answerers
 * write the substance only (server/answer/answerer.ts), so no text is patched in after the fact.
 */
export async function compose(
  s: Pick<Services, 'answerer' | 'retriever'>,
  source: Source,
  c: ComposeInput,
  onToken?: (text: string) => void,
): Promise<AnswerOutput> {
  const { triage: t, dial } = c;
  const closing = disclaimer(dial.LEGAL_AID_PHONE);
  if (source.type === 'refusal') {
    // A refusal cites nothing and closes with nothing: it must not look like an answer.
    const text = await refusalText(source.refusal, s.retriever, dial.LEGAL_AID_PHONE);
    onToken?.(text);
    return { answer: text, citations: [], fallback: false };
  }
  const preface = safetyPreface(dial, t.read, t.level, c.numbers, source.type !== 'now');
  if (source.type === 'now') {
    // No law stated, so no closing about legal information either.
    const text = `${preface}${render('emergency-no-law.vi.txt')}`;
    onToken?.(text);
    return { answer: text, citations: [], fallback: false };
  }
  if (source.type === 'official') {
    const text = `${preface}${[render('official-answer.vi.txt'), source.answer, closing].join('\n')}`;
    onToken?.(text);
    return { answer: text, citations: source.citations, fallback: false };
  }

  const { search, lawHits, next } = source;
  const hits = search.hits;
  if (preface) onToken?.(preface);
  // The province's part (after the law's rule) and notes on past plans, unless the answerer
  // already wrote them (server/answer/provincial.ts); what replaced an old text.
  const sources = [...hits, ...next.hits];
  const local = !s.answerer.writesProvincialPart ? provincialPart(lawHits, search.termWeights, (h) => sources.indexOf(h) + 1) : null;
  // She named a text no longer in force: that comes first, then what its replacement says now.
  const first = namedPart(source.named);
  const later = source.successors ? successorPart(source.successors, sources.length + 1, first.length > 0) : null;
  if (first.length && later) first.push(...later.lines);
  const extra = [...(local?.lines ?? []), ...(first.length ? [] : (later?.lines ?? [])), ...periodNotes(source.pastPlans, lawHits.slice(0, 3))];
  const opening = first.length ? `${first.join('\n')}\n` : '';
  if (opening) onToken?.(opening);

  let streamed = '';
  const out = await s.answerer.answer(
    {
      question: c.message,
      resolvedQuestion: c.resolved,
      hits,
      termWeights: search.termWeights,
      termSpellings: search.termSpellings,
      nextSteps: next.hits,
      nextStepWeights: next.weights,
      history: c.turns,
      kind: t.kind,
      topics: search.topics,
      named: namedHits(search, hits, source.named),
      ...(search.inForceThen ? { inForceThen: search.inForceThen } : {}),
      legalAidPhone: dial.LEGAL_AID_PHONE,
      ...(c.alsoAsked?.length ? { alsoAsked: c.alsoAsked } : {}),
      signal: c.signal,
    },
    onToken &&
      ((text) => {
        streamed += text;
        onToken(text);
      }),
  );
  const body = out.answer;
  // What she has read already (streamed), or will read (the body): a line it holds is not repeated.
  const said = onToken ? streamed : body;
  // The province's sentence only where the answer has not quoted that section already.
  const quoted = local && said.includes(local.citations[0]!.document.reference ?? '\u0000');
  const added = extra.filter((l) => !said.includes(l) && !(quoted && l === local!.lines[0]));
  const tail = [...added, closing].join('\n');
  // The answerer's stream may end with a line break already (the offline one sends whole lines).
  onToken?.(`${streamed.endsWith('\n') ? '' : '\n'}${tail}`);
  const answer = `${opening}${body}\n${tail}`;

  const same = (a: Citation, b: Citation) => a.document.id === b.document.id && (a.section ?? []).join('.') === (b.section ?? []).join('.');
  const localCitations = local && answer.includes(local.lines[0]!) ? local.citations.filter((l) => !out.citations.some((o) => same(o, l))) : [];
  const laterCitations = (later?.cited(answer) ?? []).filter(
    (l) => !out.citations.some((o) => o.document.id === l.document.id && o.article === l.article && o.clause === l.clause),
  );
  return { ...out, answer: preface + answer, citations: [...out.citations, ...localCitations, ...laterCitations] };
}

/** The hits that are articles she named, with the khoản she named (retrieval/cited.ts). */
function namedHits(search: SearchResult, hits: readonly ArticleHit[], old: readonly NoLongerInForce[]): { chunkId: number; clause: string | null }[] {
  // An article of a text no longer in force does not lead when what replaced it is in the library.
  const replaced = new Set(old.filter((n) => n.replacement?.id).map((n) => n.document.id));
  const articles = (search.cited?.articles ?? []).filter((a) => !replaced.has(a.documentId));
  return hits.flatMap((h) => {
    const a = articles.find((x) => x.documentId === h.document.id && x.article === h.article);
    return a ? [{ chunkId: h.chunkId, clause: a.clause }] : [];
  });
}
