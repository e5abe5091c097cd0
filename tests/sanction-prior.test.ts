import { describe, expect, it } from 'vitest';
import { statesSanction } from '../server/answer/plain/intent.js';
import { fieldTerms } from '../server/retrieval/index/corpus-index.js';
import { LexicalIndex, type ChunkTerms } from '../server/retrieval/index/lexical-index.js';
import { asksForbidden, withForbiddenAsked } from '../server/retrieval/rank/forbidden.js';
import { asksCountsAs, withCountsAsAsked } from '../server/retrieval/rank/counts-as.js';
import { SANCTION_ASKED_BONUS, sanctionAsked, statesSanctionAt, withSanctionAsked } from '../server/retrieval/rank/sanction.js';

/** Articles as the index holds them: the body's folded syllables and pairs (like chunks.search_text). */
const TEXTS = [
  // A rule: what the law forbids, with no sanction.
  'Nghiêm cấm hành vi đánh đập, hành hạ, ngược đãi thành viên gia đình.',
  // A penalty decree's khoản.
  'Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi đánh đập gây thương tích cho thành viên gia đình.',
  // The Criminal Code.
  'Người nào đối xử tồi tệ hoặc có hành vi bạo lực xâm phạm thân thể ông bà, cha mẹ, vợ chồng, con thì bị phạt cải tạo không giam giữ đến 03 năm.',
  // Every word of a sanction, but not together: "phạt" and "tiền" apart are no fine.
  'Tiền cấp dưỡng do hai bên thỏa thuận; bên vi phạm nghĩa vụ thì Tòa án xem xét.',
];

function index(): LexicalIndex {
  const entries: ChunkTerms[] = TEXTS.map((text, i) => ({
    chunk: { id: i + 1, documentId: 'd', articleKey: String(i + 1) },
    fields: { body: fieldTerms(text), title: [], member: [] },
  }));
  return LexicalIndex.build(entries);
}

describe('sanction asked (rank/sanction.ts)', () => {
  it('finds a sanction in the indexed words where the answer finds it in the text', () => {
    const lex = index();
    const found = TEXTS.map((_, i) => statesSanctionAt(lex, i));
    expect(found).toEqual(TEXTS.map((t) => statesSanction(t)));
    expect(found).toEqual([false, true, true, false]);
  });

  it('reads no prison in a decree fining an act "mà chưa đến mức truy cứu trách nhiệm hình sự"', () => {
    const decree =
      'Phạt tiền từ 10.000.000 đồng đến 20.000.000 đồng đối với hành vi hành hạ, ngược đãi thành viên gia đình mà chưa đến mức truy cứu trách nhiệm hình sự.';
    const code = 'Người nào hành hạ ông bà, cha mẹ, vợ chồng, con thì bị truy cứu trách nhiệm hình sự.';
    const lex = LexicalIndex.build(
      [decree, code].map((text, i) => ({
        chunk: { id: i + 1, documentId: 'd', articleKey: String(i + 1) },
        fields: { body: fieldTerms(text), title: [], member: [] },
      })),
    );
    const ranked = [0, 1].map((index) => ({ index, score: 1 }));
    const lifted = (q: string) =>
      withSanctionAsked(lex, ranked, q)
        .filter((r) => r.score > 1)
        .map((r) => r.index);
    // Asked about prison, only the Criminal Code's rule; asked about a fine, only the decree's.
    expect(lifted('bố chồng hành hạ con dâu có bị đi tù không')).toEqual([1]);
    expect(lifted('bố chồng hành hạ con dâu bị phạt hành chính bao nhiêu')).toEqual([0]);
  });

  it('lifts the articles stating a sanction when she asks what happens to him', () => {
    const lex = index();
    const ranked = TEXTS.map((_, i) => ({ index: i, score: 2 - i * 0.1 }));
    const lifted = withSanctionAsked(lex, ranked, 'chồng đánh vợ thì có bị phạt không');
    const add = SANCTION_ASKED_BONUS * 2;
    expect(lifted.map((r) => r.score)).toEqual([2, 1.9 + add, 1.8 + add, 1.7]);
  });

  it('lifts only the kind of sanction she names: prison, or a fine without prison', () => {
    const lex = index();
    const ranked = TEXTS.map((_, i) => ({ index: i, score: 1 }));
    const lifted = (q: string) =>
      withSanctionAsked(lex, ranked, q)
        .filter((r) => r.score > 1)
        .map((r) => r.index);
    expect(sanctionAsked('chồng đánh vợ có bị phạt không')).toBe(3);
    expect(lifted('chồng đánh vợ thì có bị phạt tù không')).toEqual([2]);
    expect(lifted('chồng đánh vợ bị phạt hành chính bao nhiêu tiền')).toEqual([1]);
    // Named as administrative, the fine is what she asks for: a larger share than "phạt tiền".
    const score = (q: string) => withSanctionAsked(lex, ranked, q).find((r) => r.index === 1)!.score;
    expect(score('chồng đánh vợ có bị phạt hành chính không')).toBeGreaterThan(score('chồng đánh vợ bị phạt tiền bao nhiêu'));
    // The Criminal Code's fine comes with prison: asked for a fine, the penalty decree's answers.
    const withFine = LexicalIndex.build([
      { chunk: { id: 1, documentId: 'd', articleKey: '1' }, fields: { body: fieldTerms(TEXTS[1]!), title: [], member: [] } },
      {
        chunk: { id: 2, documentId: 'd', articleKey: '2' },
        fields: {
          body: fieldTerms('Người nào phạm tội thì bị phạt tiền từ 10.000.000 đồng đến 50.000.000 đồng hoặc phạt tù từ 06 tháng đến 03 năm.'),
          title: [],
          member: [],
        },
      },
    ]);
    const two = [0, 1].map((i) => ({ index: i, score: 1 }));
    const fined = (q: string) =>
      withSanctionAsked(withFine, two, q)
        .filter((r) => r.score > 1)
        .map((r) => r.index);
    expect(fined('phạt tiền bao nhiêu')).toEqual([0]);
    expect(fined('có bị phạt không')).toEqual([0, 1]);
    expect(fined('có bị truy cứu trách nhiệm hình sự không')).toEqual([1]);
  });

  it('reads the question typed without dấu too', () => {
    const lex = index();
    const ranked = TEXTS.map((_, i) => ({ index: i, score: 1 }));
    expect(
      withSanctionAsked(lex, ranked, 'ck danh e co bi di tu ko')
        .filter((r) => r.score > 1)
        .map((r) => r.index),
    ).toEqual([2]);
    expect(
      withSanctionAsked(lex, ranked, 'ck danh e co bi phat ko')
        .filter((r) => r.score > 1)
        .map((r) => r.index),
    ).toEqual([1, 2]);
  });

  it('leaves the order alone when she does not ask about a sanction', () => {
    const lex = index();
    const ranked = TEXTS.map((_, i) => ({ index: i, score: 1 + i }));
    expect(withSanctionAsked(lex, ranked, 'chồng đánh vợ, có sai luật không')).toBe(ranked);
    expect(withSanctionAsked(lex, ranked, 'chồng đánh vợ có bị phạt không', 0)).toBe(ranked);
  });
});

describe('asked whether something is forbidden (rank/forbidden.ts)', () => {
  it('lifts the articles listing what the law forbids, only when she asks', () => {
    const lex = LexicalIndex.build(
      ['Nghiêm cấm các hành vi sau đây: lựa chọn giới tính thai nhi.', 'Phạt tiền đối với hành vi lựa chọn giới tính thai nhi.'].map((text, i) => ({
        chunk: { id: i + 1, documentId: 'd', articleKey: String(i + 1) },
        fields: { body: fieldTerms(text), title: [], member: [] },
      })),
    );
    const ranked = [0, 1].map((i) => ({ index: i, score: 1 }));
    expect(asksForbidden('chon gioi tinh thai nhi co bi cam ko')).toBe(true);
    expect(asksForbidden('xã ra quyết định cấm tiếp xúc')).toBe(false);
    expect(withForbiddenAsked(lex, ranked, 'chọn giới tính thai nhi có bị cấm không').map((r) => r.score > 1)).toEqual([true, false]);
    expect(withForbiddenAsked(lex, ranked, 'chọn giới tính thai nhi bị phạt bao nhiêu')).toBe(ranked);
  });
});

describe('asked whether something counts as an act the law names (rank/counts-as.ts)', () => {
  it('lifts the article listing the acts, not a decree fining one nor a duty about them', () => {
    const chunks = [
      { text: 'Hành vi bạo lực gia đình bao gồm: chiếm hữu, hủy hoại, đập phá tài sản của thành viên gia đình.', acts: true },
      { text: 'Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi hủy hoại, đập phá tài sản.', acts: true },
      { text: 'Người có hành vi bạo lực gia đình phải chấm dứt ngay hành vi bạo lực.', acts: false },
    ];
    const lex = LexicalIndex.build(
      chunks.map(({ text, acts }, i) => ({
        chunk: { id: i + 1, documentId: 'd', articleKey: String(i + 1), ...(acts ? { acts: true as const } : {}) },
        fields: { body: fieldTerms(text), title: [], member: [] },
      })),
    );
    const ranked = chunks.map((_, i) => ({ index: i, score: 1 }));
    expect(asksCountsAs('ck hay dap pha do dac, nhu vay co phai la bao luc gia dinh ko')).toBe(true);
    expect(asksCountsAs('chồng đập phá đồ đạc thì bị phạt bao nhiêu')).toBe(false);
    expect(withCountsAsAsked(lex, ranked, 'chồng em hay đập phá đồ đạc, có phải bạo lực không').map((r) => r.score > 1)).toEqual([true, false, false]);
    // Asked a sanction too, the fine is what she wants: nothing is lifted here (rank/sanction.ts lifts it).
    expect(withCountsAsAsked(lex, ranked, 'đập phá đồ đạc có phải bạo lực không, bị phạt bao nhiêu')).toBe(ranked);
  });
});
