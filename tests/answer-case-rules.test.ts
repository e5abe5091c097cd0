import { describe, expect, it } from 'vitest';
import { OTHER_CASE, otherCaseFactor } from '../server/answer/plain/case-rules.js';

// The law's own lines (BHXH 2024 Điều 53 khoản 2, Điều 42 khoản 1 điểm e), read as the answerer reads them.
const husbands = {
  text: 'Lao động nam đang đóng bảo hiểm xã hội khi vợ sinh con được nghỉ việc hưởng chế độ thai sản như sau:',
  leadIn: null,
  articleTitle: 'Thời gian hưởng chế độ khi sinh con',
};
const sickChild = {
  text: 'Chăm sóc con dưới 07 tuổi bị ốm đau;',
  leadIn: 'Người lao động được hưởng chế độ ốm đau trong trường hợp sau đây:',
  articleTitle: 'Điều kiện hưởng chế độ ốm đau',
};

describe('rules for a case she does not have', () => {
  it('lowers the husband’s rule only when she names no man', () => {
    expect(otherCaseFactor(husbands, { manNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(husbands, { manNamed: true })).toBe(1);
    // Nothing read of her question: nothing is ruled out.
    expect(otherCaseFactor(husbands, {})).toBe(1);
  });

  it('lowers the sick-child rule when she names no child, and not her own sickness', () => {
    expect(otherCaseFactor(sickChild, { childNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(sickChild, { childNamed: true })).toBe(1);
    expect(otherCaseFactor({ ...sickChild, text: 'Bản thân bị ốm đau, tai nạn mà không phải là tai nạn lao động;' }, { childNamed: false })).toBe(1);
  });

  it('counts each case that is not hers', () => {
    // A sickness rule (the article's title) when she asks about a birth, which is also the sick-child rule.
    const f = otherCaseFactor(sickChild, { childNamed: false, birthNotIllness: true });
    expect(f).toBeCloseTo(OTHER_CASE * OTHER_CASE, 10);
  });
});
