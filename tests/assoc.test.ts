import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingest/pipeline.js';
import { buildAssociations, placedShift, withMeaning } from '../server/retrieval/assoc/index.js';
import { orderHeadByDivision } from '../server/retrieval/rank/division-head.js';
import { contentTerms } from '../server/retrieval/assoc/terms.js';
import { LSA_DEFAULTS, LsaSpace } from '../server/retrieval/assoc/lsa.js';
import { fieldTerms, loadCorpusIndex } from '../server/retrieval/index/corpus-index.js';
import type { ChunkTerms } from '../server/retrieval/index/lexical-index.js';
import { RURAL_LAW } from './fixtures/rural-law.js';
import { testServices } from './helpers/app.js';

/** A small library written for this test: law text per article, and member notes beside some. */
const LIBRARY: { key: string; law: string; notes: string[] }[] = [
  { key: 'a1', law: 'Người nào có hành vi dâm ô đối với người dưới 16 tuổi thì bị phạt tù.', notes: ['hàng xóm sờ mó con gái tôi', 'ông ấy sờ mó cháu bé'] },
  { key: 'a2', law: 'Tội dâm ô đối với trẻ em bị xử lý hình sự, người bị hại được bảo vệ.', notes: ['bị sờ mó ở chỗ làm thì báo ai'] },
  // No notes, like an upload: only its law text places it.
  { key: 'a3', law: 'Cơ quan tiếp nhận tin báo về hành vi dâm ô, xâm hại tình dục trẻ em phải xử lý ngay.', notes: [] },
  { key: 'b1', law: 'Vợ hoặc chồng có quyền yêu cầu Tòa án giải quyết ly hôn.', notes: ['muốn bỏ chồng thì làm đơn ở đâu', 'ly dị có cần chồng ký không'] },
  { key: 'b2', law: 'Khi ly hôn, tài sản chung của vợ chồng được chia đôi.', notes: ['bỏ nhau thì chia nhà thế nào'] },
  { key: 'b3', law: 'Tòa án giải quyết ly hôn theo yêu cầu của một bên khi hôn nhân lâm vào tình trạng trầm trọng.', notes: [] },
  { key: 'c1', law: 'Người sử dụng lao động phải trả tiền lương đầy đủ, đúng hạn cho người lao động.', notes: ['công ty nợ lương mấy tháng'] },
  { key: 'c2', law: 'Tiền lương làm thêm giờ được trả cao hơn tiền lương ngày thường.', notes: ['tăng ca có được thêm tiền không'] },
  { key: 'c3', law: 'Người lao động được nhận tiền lương theo hợp đồng lao động.', notes: [] },
];

function entries(): ChunkTerms[] {
  return LIBRARY.map((a, i) => ({ chunk: { id: i + 1, documentId: 'd', articleKey: a.key }, fields: { body: fieldTerms(a.law), title: [], member: [] } }));
}

const weightsOf = (text: string) => new Map(contentTerms(text).map((t) => [t, 1]));

// Three topics, three dimensions: a truncated space is what carries words across articles (at
// full rank it would only repeat which words each article writes).
const notesOf = (_d: string, k: string) => LIBRARY.find((a) => a.key === k)!.notes.map((text) => ({ text }));
const build = () => buildAssociations(entries(), notesOf, { ...LSA_DEFAULTS, rank: 3 });

describe('meaning learned from the library (assoc)', () => {
  const assoc = build();
  const near = (text: string, key: string) => assoc.lsa.similarity(assoc.lsa.queryVector(weightsOf(text))!, assoc.articles.get(`d\u0000${key}`)!);

  it('places a member word beside the law word it is written next to', () => {
    // "sờ mó" only ever appears in notes; the law writes "dâm ô" beside it.
    expect(assoc.lsa.termSimilarity('somo', 'damo')).toBeGreaterThan(0.5);
    expect(assoc.lsa.termSimilarity('somo', 'damo')).toBeGreaterThan(assoc.lsa.termSimilarity('somo', 'lyhon') + 0.3);
  });

  it('brings a question in everyday words near an article whose text has none of them', () => {
    // Article a3 has no notes and no "sờ mó": the space still puts the question nearest to it
    // among the articles that do not write her words.
    const q = 'hàng xóm sờ mó cháu';
    expect(near(q, 'a3')).toBeGreaterThan(near(q, 'b3'));
    expect(near(q, 'a3')).toBeGreaterThan(near(q, 'c3'));
    expect(near('bỏ chồng', 'b3')).toBeGreaterThan(near('bỏ chồng', 'a3'));
  });

  it('reorders candidates by meaning without dropping any, and leaves them alone with no known word', () => {
    const chunks = entries().map((e) => e.chunk);
    const ranked = chunks.map((_, index) => ({ index, score: 1 }));
    const out = withMeaning(assoc, chunks, ranked, weightsOf('sờ mó'));
    expect(out.map((r) => r.index)).toEqual(ranked.map((r) => r.index));
    const first = out.reduce((a, b) => (b.score > a.score ? b : a));
    expect(chunks[first.index]!.articleKey).toMatch(/^a/);
    expect(withMeaning(assoc, chunks, ranked, weightsOf('tiktok'))).toBe(ranked);
    expect(withMeaning(assoc, chunks, ranked, weightsOf('sờ mó'), 0)).toBe(ranked);
  });

  it('is the same space on every build (seeded), and empty for a library too small to factor', () => {
    const again = build();
    expect(again.lsa.termSimilarity('somo', 'damo')).toBeCloseTo(assoc.lsa.termSimilarity('somo', 'damo'), 6);
    expect(LsaSpace.build([{ terms: ['a'] }]).size).toBe(0);
  });
});

describe('articles placed by the division they stand in', () => {
  // The wage articles stand in a division titled "TIỀN LƯƠNG"; c2's own text never says "lương".
  const library = LIBRARY.map((a) => (a.key === 'c2' ? { ...a, law: 'Làm thêm giờ được trả cao hơn ngày làm việc bình thường.', notes: [] } : a));
  const chunkTerms = (): ChunkTerms[] =>
    library.map((a, i) => ({ chunk: { id: i + 1, documentId: 'd', articleKey: a.key }, fields: { body: fieldTerms(a.law), title: [], member: [] } }));
  const notes = (_d: string, k: string) => library.find((a) => a.key === k)!.notes.map((text) => ({ text }));
  const divisions = library.map((a) => (a.key.startsWith('c') ? fieldTerms('TIỀN LƯƠNG') : []));
  const opts = { ...LSA_DEFAULTS, rank: 3 };

  it('builds the placed space only when some division names a topic', () => {
    expect(buildAssociations(chunkTerms(), notes, opts).placed).toBeUndefined();
    expect(buildAssociations(chunkTerms(), notes, opts, divisions).placed?.size).toBeGreaterThan(0);
  });

  it('moves an article towards a question in the words of its division, whatever its own text says', () => {
    const assoc = buildAssociations(chunkTerms(), notes, opts, divisions);
    const ranked = chunkTerms().map((_, index) => ({ index, score: 1 }));
    const shift = placedShift(assoc, ranked, weightsOf('tiền lương'), 0.6)!;
    const of = (key: string) => shift.get(assoc.articles.get(`d\u0000${key}`)!)!;
    expect(of('c2')).toBeGreaterThan(0);
    expect(of('c2')).toBeGreaterThan(of('a1'));
    expect(of('c2')).toBeGreaterThan(of('b2'));
    expect(placedShift(buildAssociations(chunkTerms(), notes, opts), ranked, weightsOf('tiền lương'), 0.6)).toBeNull();
    expect(placedShift(assoc, ranked, weightsOf('tiktok'), 0.6)).toBeNull();
  });

  it('reorders the first five only, by the shift in the unit given, keeping their scores in order', () => {
    const top = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3].map((score, index) => ({ index, score }));
    const rows = Int32Array.from(top, (_, i) => i);
    // The fourth gains enough to lead; the sixth gains more but is not among the first five.
    const shift = new Map([
      [3, 1],
      [5, 5],
    ]);
    const moved = orderHeadByDivision(top, shift, rows, 0.5);
    expect(moved.map((r) => r.index)).toEqual([3, 0, 1, 2, 4, 5, 6]);
    // The order moves, the scores the answer weighs do not: the first keeps the first's score.
    expect(moved.map((r) => r.score)).toEqual(top.map((r) => r.score));
    expect(orderHeadByDivision(top, shift, rows, 0.15).map((r) => r.index)).toEqual([0, 1, 3, 2, 4, 5, 6]);
    expect(orderHeadByDivision(top, shift, rows, 0)).toBe(top);
  });
});

describe('meaning learned from the bundled laws and their notes', () => {
  let services: Awaited<ReturnType<typeof testServices>>;
  beforeAll(async () => {
    services = await testServices();
  });
  afterAll(async () => {
    await services.db.close();
  });

  it('learns the law’s words for members’ words from corpus/articles', async () => {
    const { lsa } = (await loadCorpusIndex(services.db)).assoc;
    // Each pair: a member's word from the notes, the law's word for it, an unrelated law word.
    for (const [member, law, other] of [
      ['somo', 'damo', 'lyhon'],
      ['biettich', 'mattich', 'tienluong'],
      ['nghide', 'thaisan', 'thuake'],
    ] as const) {
      expect(lsa.termSimilarity(member, law), `${member} ~ ${law}`).toBeGreaterThan(0.4);
      expect(lsa.termSimilarity(member, law), `${member} ~ ${other}`).toBeGreaterThan(lsa.termSimilarity(member, other) + 0.3);
    }
  });

  it('still finds an uploaded document without notes by its own words', async () => {
    await ingestDocument(services.db, services.embedder, { bytes: Buffer.from(RURAL_LAW), origin: 'cli' });
    await services.retriever.refresh();
    const idx = await loadCorpusIndex(services.db);
    const doc = [...idx.docs.values()].find((d) => d.number === '77/2030/QH15')!;
    expect(idx.assoc.articles.has(`${doc.id}\u00002`)).toBe(true);
    for (const [q, article] of [
      ['phụ nữ nông thôn vay vốn ưu đãi phát triển kinh tế hộ gia đình', '2'],
      ['phu nu nong thon hoc nghe ngan han mien phi', '3'],
    ] as const) {
      const hit = (await services.retriever.search(q, { k: 3 })).hits[0]!;
      expect(`${hit.document.number} Điều ${hit.article}`, q).toBe(`77/2030/QH15 Điều ${article}`);
    }
  });
});
