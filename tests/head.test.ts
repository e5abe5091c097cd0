import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, fieldTerms, type ChunkRow, type CorpusIndex, type DocInfo, type NoteRow } from '../server/retrieval/index/corpus-index.js';
import { DEFAULT_PARAMS, type ScoredChunk } from '../server/retrieval/index/lexical-index.js';
import { HEAD, reorderHead } from '../server/retrieval/rank/head.js';
import { docInfo } from './helpers/doc-info.js';

const doc = (id: string): DocInfo => docInfo({ id, type: 'luat' });

const chunk = (id: number, documentId: string, article: string, text: string): ChunkRow => ({
  id,
  document_id: documentId,
  article,
  section: null,
  article_title: null,
  heading: null,
  clauses: [],
  search_text: fieldTerms(text).join(' '),
});

const ask = (documentId: string, article: string, text: string): NoteRow => ({
  document_id: documentId,
  article,
  clause: null,
  point: null,
  kind: 'ask',
  text,
});

/**
 * A rule (the act is forbidden), the decree fining it — whose member phrasing asks about the fine in
 * her very words — and five other articles, so that the first five are a head and more follow.
 */
/** Two articles that compete for her question, beside five unrelated ones of another law ('k'). */
function libraryOf(docs: string[], notes: NoteRow[], chunks: ChunkRow[]): CorpusIndex {
  return buildCorpusIndex({
    version: '1',
    docs: [...docs.map(doc), doc('k')],
    notes: [...notes, ...[3, 4, 5, 6, 7].map((n) => ask('k', String(n), `việc khác số ${n} hỏi ở đâu`))],
    chunks: [...chunks, ...[3, 4, 5, 6, 7].map((n) => chunk(n, 'k', String(n), `Điều ${n} quy định việc khác số ${n}.`))],
    readingTexts: [],
    readMs: 0,
  });
}

function library(): CorpusIndex {
  return libraryOf(
    ['l', 'n'],
    [
      ask('l', '1', 'chồng cầm hết tiền lương để vợ phải xin'),
      ask('l', '1', 'chồng không cho vợ đi làm'),
      ask('n', '2', 'chồng giữ hết lương của vợ bị phạt bao nhiêu'),
      ask('n', '2', 'bạo lực kinh tế bị phạt bao nhiêu tiền'),
    ],
    [
      chunk(1, 'l', '1', 'Nghiêm cấm chiếm đoạt, kiểm soát thu nhập, tiền lương của thành viên gia đình.'),
      chunk(2, 'n', '2', 'Phạt tiền đối với hành vi kiểm soát thu nhập, tiền lương của thành viên gia đình.'),
    ],
  );
}

const weightsOf = (idx: CorpusIndex, text: string) =>
  new Map(
    fieldTerms(text)
      .filter((t) => idx.phrasings.has(t) || idx.lexical.has(t))
      .map((t) => [t, 1]),
  );

function context(idx: CorpusIndex, question: string) {
  return { idx, question, weights: weightsOf(idx, question), accept: () => true, params: DEFAULT_PARAMS, phrasingWeight: 0.25, scale: 1 };
}

/** The decree's chunk first, then the rule's, then the others (chunk index = id − 1). */
const first: ScoredChunk[] = [1, 0, 2, 3, 4, 5, 6].map((index, i) => ({ index, score: 1.2 - i * 0.01 }));

describe('the first articles reordered (rank/head.ts)', () => {
  it('orders the head as if the phrasings asking about a fine were not there, when she does not ask', () => {
    const idx = library();
    const out = reorderHead(context(idx, 'chồng giữ hết lương của em, có sai luật không'), first);
    // The rule leads; the decree, whose match was its phrasing about the fine, falls behind it.
    expect(out[0]!.index).toBe(0);
    expect(out.findIndex((r) => r.index === 1)).toBeGreaterThan(0);
    // The same articles in the head, and what follows it untouched.
    expect(new Set(out.slice(0, HEAD).map((r) => r.index))).toEqual(new Set(first.slice(0, HEAD).map((r) => r.index)));
    expect(out.slice(HEAD)).toEqual(first.slice(HEAD));
  });

  it('keeps the decree first when she asks what happens to him', () => {
    const idx = library();
    const out = reorderHead(context(idx, 'chồng giữ hết lương của em thì có bị phạt không'), first);
    expect(out[0]!.index).toBe(1);
    expect(out.slice(HEAD)).toEqual(first.slice(HEAD));
  });

  it('orders the head without the phrasings asking for another kind of answer than hers', () => {
    // She asks how long; the first article's closest phrasing asks how much.
    const idx = libraryOf(
      ['b'],
      [ask('b', '1', 'vợ sinh con được hưởng bao nhiêu tiền'), ask('b', '1', 'chế độ khi sinh con'), ask('b', '2', 'sinh con được nghỉ mấy tháng')],
      [
        chunk(1, 'b', '1', 'Mức hưởng chế độ thai sản bằng 100% mức bình quân tiền lương.'),
        chunk(2, 'b', '2', 'Lao động nữ sinh con được nghỉ việc hưởng chế độ thai sản trước và sau khi sinh con là 06 tháng.'),
      ],
    );
    const order: ScoredChunk[] = [0, 1, 2, 3, 4, 5, 6].map((index, i) => ({ index, score: 1.2 - i * 0.01 }));
    const out = reorderHead(context(idx, 'vợ sinh con được nghỉ bao lâu'), order);
    expect(out[0]!.index).toBe(1);
    // Asked how much, the amount's article keeps its place.
    expect(reorderHead(context(idx, 'vợ sinh con được hưởng bao nhiêu tiền'), order)[0]!.index).toBe(0);
  });

  it('leaves the order alone when no first article has a phrasing asking about a sanction', () => {
    const idx = library();
    const without = first.filter((r) => r.index !== 1);
    expect(reorderHead(context(idx, 'chồng giữ hết lương của em, có sai luật không'), without)).toBe(without);
  });
});
