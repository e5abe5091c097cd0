import { matchWithMasks, PhraseTable, readRows, tokenize, type Match, type Row } from './lexicon.js';

/**
 * Requests refused before any law is looked up (data/requests.tsv): attempts to steer the
 * assistant, requests to do something unlawful or harmful, and subjects no law answers
 * (weather, lottery numbers, horoscopes, medicine doses…).
 */

export interface UnlawfulRequest {
  kind: 'unlawful';
  name: string;
  consequence: string;
  /** Search that finds the article stating the consequence, when the library has one. */
  consequenceQuery: string;
  alternative: string;
}
export interface OffTopicRequest {
  kind: 'offtopic';
  name: string;
  lead: string;
}
export type Request = { kind: 'injection' } | UnlawfulRequest | OffTopicRequest;

let cache: { table: PhraseTable; rows: Map<string, Row> } | null = null;
function load() {
  if (cache) return cache;
  const rows = readRows('requests.tsv');
  cache = { table: new PhraseTable(rows), rows: new Map(rows.map((r) => [r.concept, r])) };
  return cache;
}

/** The first kind found, in this order: injection, unlawful, off-topic; null for anything else. */
export function readRequest(message: string): Request | null {
  const { table, rows } = load();
  const tokens = tokenize(message, { turns: false });
  const matches = matchWithMasks(table, tokens);
  const found = matches.map((m) => m.concept);
  if (found.includes('injection')) return { kind: 'injection' };
  // The longest phrase names the request best: "sửa tuổi … để lấy chồng sớm" is a child marriage.
  // An act done to her ("chồng đọc trộm tin nhắn của em", "bị tố giả chữ ký") is her legal question.
  // "cho chồng mất việc", "clip của người yêu cũ": a person after "cho", "của", "với"… is the one
  // it is done to, not the doer.
  const frames = matches.filter(
    (m) => m.concept.startsWith('frame:') && !(m.concept === 'frame:victim' && OBJECT_BEFORE.test(tokens[m.start - 1]?.text ?? '')),
  );
  const unlawful = matches
    .filter((m) => m.concept.startsWith('unlawful:') && !doneToHer(m, frames))
    .sort((a, b) => b.end - b.start - (a.end - a.start))[0]?.concept;
  if (unlawful) {
    const [, consequence = '', consequenceQuery = '', alternative = ''] = rows.get(unlawful)!.extra;
    return { kind: 'unlawful', name: unlawful.slice(9), consequence, consequenceQuery, alternative };
  }
  const off = found.find((c) => c.startsWith('offtopic:'));
  if (off) return { kind: 'offtopic', name: off.slice(9), lead: rows.get(off)!.extra[1] ?? '' };
  return null;
}

/** Words after which a person is an object ("cho chồng", "của vợ", "với hắn"), not the one acting. */
const OBJECT_BEFORE = /^(cho|của|cua|với|voi|về|để|tới|đến|giùm|hộ)$/;

/**
 * Being under a protection order ("bị cấm tiếp xúc") is the situation of the one who would break
 * it, not harm done to her: that request is never read as done to her.
 */
const ALWAYS_HER_REQUEST = new Set(['unlawful:evade-order']);

/**
 * Whether an unlawful act is done to her rather than asked for: the nearest frame before the
 * phrase, in its clause, names someone else as the doer ("chồng", "hàng xóm", "bị", "dọa", "ép").
 * She asks for it when that frame is hers ("làm sao để", "muốn", "cho em xin") or there is none.
 */
function doneToHer(m: Match, frames: Match[]): boolean {
  if (ALWAYS_HER_REQUEST.has(m.concept)) return false;
  const before = frames.filter((f) => f.clause === m.clause && f.start < m.start).sort((a, b) => b.start - a.start || b.end - a.end)[0];
  return before?.concept === 'frame:victim';
}
