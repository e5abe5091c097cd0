import { describe, expect, it } from 'vitest';
import { asksValidity, statesValidity } from '../server/answer/plain/validity.js';
import { scoreUnits } from '../server/answer/plain/units.js';
import { standardWords } from '../server/retrieval/query.js';
import { articleHit } from './helpers/article-hits.js';

describe('asked whether it holds in law', () => {
  it('reads the ask, with or without dấu', () => {
    expect(asksValidity(standardWords('me e truoc khi mat noi mieng cho e manh vuon, vay co gia tri ko'))).toBe(true);
    expect(asksValidity('di chúc viết tay không công chứng có hiệu lực không')).toBe(true);
    expect(asksValidity('mẹ em nói miệng để lại mảnh vườn cho em thì làm thủ tục ở đâu')).toBe(false);
  });

  it('reads the khoản saying when it is lawful or void', () => {
    expect(statesValidity('Di chúc miệng được coi là hợp pháp nếu người di chúc miệng thể hiện ý chí cuối cùng …')).toBe(true);
    expect(statesValidity('Sau 03 tháng, kể từ thời điểm di chúc miệng mà người lập di chúc còn sống … thì di chúc miệng mặc nhiên bị huỷ bỏ.')).toBe(false);
  });

  it('leads with the khoản saying when it is lawful when she asks so', () => {
    const lapse = articleHit(
      '629',
      'Di chúc miệng',
      ['Người sắp chết mà không viết được thì có thể nói lại ý mình.', 'Sau 03 tháng mà người lập còn sống thì di chúc miệng bị hủy bỏ.'],
      1.02,
    );
    const lawful = articleHit(
      '630',
      'Di chúc hợp pháp',
      ['Di chúc phải do người minh mẫn lập.', 'Di chúc miệng được coi là hợp pháp nếu có hai người làm chứng.'],
      1.0,
    );
    const w = { di: 0.5, chuc: 1, dichuc: 1.5, mieng: 1.5, chucmieng: 2, truoc: 0.5, mat: 0.5, song: 0.5 };
    const lead = (validityAsked: boolean) => {
      const u = scoreUnits([lapse, lawful], w, [], undefined, { validityAsked })[0]!;
      return `${u.hit.article} ${u.clause}`;
    };
    expect(lead(true)).toBe('630 2');
    expect(lead(false)).toBe('629 2');
  });

  it('reads every khoản of an article titled for lawfulness as stating it', () => {
    const clauses = [
      'Di chúc hợp pháp phải có đủ điều kiện: người lập minh mẫn, sáng suốt, không bị ép buộc.',
      'Di chúc của người không biết chữ phải được người làm chứng lập thành văn bản và có công chứng.',
    ];
    const w = { di: 0.3, chuc: 0.5, dichuc: 0.8, biet: 0.6, chu: 0.6, bietchu: 1.2, gia: 0.3, tri: 0.3, giatri: 0.6 };
    const lead = (title: string) => scoreUnits([articleHit('630', title, clauses, 1.0)], w, [], undefined, { validityAsked: true })[0]!.clause;
    expect(lead('Di chúc hợp pháp')).toBe('2');
    expect(lead('Điều kiện của di chúc')).toBe('1');
  });
});
