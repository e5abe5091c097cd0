import { describe, expect, it } from 'vitest';
import { namesAuthority, wantsOf } from '../server/answer/plain/intent.js';
import { scoreUnits } from '../server/answer/plain/units.js';
import { standardWords } from '../server/retrieval/query.js';
import { articleHit } from './helpers/article-hits.js';
import type { ArticleNote } from '../server/retrieval/index/corpus-index.js';

/**
 * Review 58 (docs/history/offline-answer.md): an office asked as "xã mô", an article titled for
 * competence and contents, and an ask every khoản shares.
 */

const ask = (text: string, clause: string | null = null): ArticleNote => ({ kind: 'ask', clause, point: null, text });
const meaning = (text: string, clause: string | null): ArticleNote => ({ kind: 'meaning', clause, point: null, text });

describe('asked which office in her dialect', () => {
  it('reads "lên xã mô làm" and "cơ quan mô giải quyết" as where', () => {
    expect(wantsOf(standardWords('giờ muốn đăng ký kết hôn thì lên xã mô làm'))).toContain('where');
    expect(wantsOf(standardWords('ly hôn thì tòa án mô giải quyết'))).toContain('where');
    expect(wantsOf('tranh chấp đất thì ủy ban nào giải quyết')).toContain('where');
    expect(wantsOf('nhà em ở xa, đi làm có được phụ cấp không')).not.toContain('where');
  });
  it("reads a khoản on the certificate's contents as no office, though the article is titled for competence", () => {
    const title = 'Thẩm quyền đăng ký kết hôn và nội dung Giấy chứng nhận kết hôn';
    expect(namesAuthority('Ngày, tháng, năm đăng ký kết hôn;', null, title)).toBe(false);
    expect(namesAuthority('Hòa giải viên lao động;', null, 'Thẩm quyền giải quyết tranh chấp lao động cá nhân')).toBe(true);
  });
});

describe('an ask written for the whole article', () => {
  it('tells no khoản apart when it shares as much with several', () => {
    const q = 'làm phục vụ thì thử việc tối đa bao lâu';
    const probation = articleHit(
      '25',
      'Thời gian thử việc',
      ['Thử việc tối đa 180 ngày đối với người quản lý.', 'Thử việc tối đa 06 ngày làm việc đối với công việc khác như phục vụ.'],
      1,
      {
        notes: [
          ask('thử việc tối đa bao lâu'),
          meaning('Người quản lý thử việc tối đa 180 ngày.', '1'),
          meaning('Việc khác như phục vụ thử việc tối đa 06 ngày làm việc.', '2'),
        ],
      },
    );
    const w = { thu: 1, viec: 1, thuviec: 1, toi: 1, da: 1, bao: 1, lau: 1, phuc: 1, vu: 1, phucvu: 1 };
    // The ask goes to no khoản (the first is no more its khoản than the second): the khoản naming her work leads.
    expect(scoreUnits([probation], w, wantsOf(q), undefined, {})[0]!.clause).toBe('2');
  });
});
