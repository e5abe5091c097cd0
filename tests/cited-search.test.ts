import { describe, expect, it } from 'vitest';
import { respond } from '../server/chat/respond.js';
import { bundledServices } from './helpers/app.js';

/** The law and article she names, through the real retriever on the bundled library (rank/named.ts). */
describe('searching the law she names', () => {
  const ctx = bundledServices();

  const first = async (q: string) => {
    const r = await ctx.services.retriever.search(q, { k: 5 });
    return r.hits.map((h) => [h.document.number, h.article, h.clause]);
  };

  it('puts the article she names first, with the khoản she names', async () => {
    expect((await first('điều 51 luật hôn nhân và gia đình nói gì'))[0]).toEqual(['52/2014/QH13', '51', expect.anything()]);
    expect((await first('khoan 1 dieu 139 bo luat lao dong'))[0]).toEqual(['45/2019/QH14', '139', '1']);
    expect((await first('đ.51 luật hn&gđ'))[0]?.slice(0, 2)).toEqual(['52/2014/QH13', '51']);
    expect((await first('bộ luật lao động 2019 điều 137'))[0]?.slice(0, 2)).toEqual(['45/2019/QH14', '137']);
  });

  it('searches a text no longer in force when she names it, and its articles come first', async () => {
    const r = await ctx.services.retriever.search('theo nghị định 144 chồng đánh vợ phạt bao nhiêu', { k: 5 });
    expect(r.cited?.documents).toHaveLength(1);
    expect(r.hits[0]!.document).toMatchObject({ number: '144/2021/NĐ-CP', status: 'replaced' });
    // Without naming it, the text in force answers.
    const plain = await ctx.services.retriever.search('chồng đánh vợ phạt bao nhiêu', { k: 5 });
    expect(plain.hits.every((h) => h.document.status === 'in_force' || h.document.status === 'partial')).toBe(true);
  });

  it('lifts the named law without filtering the others out', async () => {
    const hits = await first('luật BHXH mới nghỉ thai sản mấy tháng');
    expect(hits[0]![0]).toBe('41/2024/QH15');
    // She may name the wrong law: the article that answers is still found.
    const wrong = await first('theo luật hôn nhân gia đình thì nghỉ thai sản được mấy tháng');
    expect(wrong.some((h) => h[0] === '45/2019/QH14' || h[0] === '41/2024/QH15')).toBe(true);
  });

  it('changes nothing when she names no law', async () => {
    const r = await ctx.services.retriever.search('điều kiện ly hôn là gì', { k: 5 });
    expect(r.cited).toBeUndefined();
  });

  it('tells her first that the decree she names no longer applies, and leads with the rule in force', async () => {
    const r = await respond(ctx.services, { message: 'theo nghị định 144 chồng đánh vợ phạt bao nhiêu' });
    const said = r.answer.indexOf('Nghị định 144/2021/NĐ-CP mà chị nhắc đến đã hết hiệu lực từ 15/12/2025; nay áp dụng Nghị định 282/2025/NĐ-CP.');
    expect(said).toBeGreaterThanOrEqual(0);
    // The rule in force is what the answer states and quotes, right after; the old decree is still named.
    const basis = r.answer.split('\n').find((l) => l.startsWith('Căn cứ:'));
    expect(basis).toContain('Nghị định 282/2025/NĐ-CP');
    expect(r.answer.indexOf(basis!)).toBeGreaterThan(said);
    expect(r.citations.some((c) => c.document.number === '144/2021/NĐ-CP')).toBe(true);
    // A text in force she names is not said to be out of force.
    const inForce = await respond(ctx.services, { message: 'theo nghị định 282 chồng đánh vợ phạt bao nhiêu' });
    expect(inForce.answer).not.toMatch(/hết hiệu lực/);
  });

  it('answers a sanction for an act she dates to a time a replaced decree was in force from that decree', async () => {
    const dated = 'năm 2024 bố chồng bắt em nhịn ăn, không cho tắm giặt khi em ở cữ, hồi đó bị phạt bao nhiêu';
    const then = await ctx.services.retriever.search(dated, { k: 5 });
    expect(then.hits[0]!.document).toMatchObject({ number: '144/2021/NĐ-CP', status: 'replaced' });
    // The same act going on now, or not dated: the decree in force.
    for (const q of [
      'bố chồng bắt em nhịn ăn, không cho tắm giặt khi em ở cữ, bị phạt bao nhiêu',
      'từ năm 2024 bố chồng vẫn bắt em nhịn ăn, bị phạt bao nhiêu',
    ]) {
      const now = await ctx.services.retriever.search(q, { k: 5 });
      expect(now.hits[0]!.document.number).toBe('282/2025/NĐ-CP');
    }
    // The answer says the old decree still decides an act that ended while it was in force.
    const r = await respond(ctx.services, { message: dated });
    expect(r.answer).toContain(
      'Nghị định 144/2021/NĐ-CP đã được thay thế; nhưng việc xảy ra và đã chấm dứt khi văn bản này còn hiệu lực thì vẫn xử lý theo văn bản này.',
    );
    expect(r.answer).not.toContain('chỉ để tham khảo');
    // Named as well as dated: still the old decree's rule, not "nay áp dụng" the new one first.
    const named = await respond(ctx.services, { message: 'theo nghị định 144 thì năm 2024 chồng đánh em gãy tay bị phạt bao nhiêu' });
    expect(named.citations[0]?.document.number).toBe('144/2021/NĐ-CP');
    expect(named.answer).not.toContain('mà chị nhắc đến đã hết hiệu lực');
  });
});
