import { describe, expect, it } from 'vitest';
import { scoreUnits } from '../server/answer/plain/units.js';
import { answerWants, asksPenaltyOnHim, wantsOf } from '../server/answer/plain/intent.js';
import { standardWords } from '../server/retrieval/query.js';
import { articleHit } from './helpers/article-hits.js';

describe('a sanction asked with the wrongdoer named between (asksPenaltyOnHim)', () => {
  it('reads "phạt được nó nữa không", "xử lý được hắn không", with or without dấu', () => {
    expect(asksPenaltyOnHim(standardWords('ck danh e tu nam ngoai, gio e moi di bao xa thi con phat dc no nua ko'))).toBe(true);
    expect(asksPenaltyOnHim('chồng cũ chửi em trên mạng thì xã có xử lý được hắn không')).toBe(true);
    expect(asksPenaltyOnHim('để lâu rồi thì còn phạt được nữa không')).toBe(true);
  });

  it('does not read other things done or asked', () => {
    expect(asksPenaltyOnHim('đơn ly hôn của em tòa có xử lý được không')).toBe(false);
    expect(asksPenaltyOnHim('em bị phạt được giảm không')).toBe(false);
    expect(asksPenaltyOnHim('ck đánh e thì e phải báo ai')).toBe(false);
  });

  it('adds the sanction to the answer’s wants only, not retrieval’s', () => {
    const q = standardWords('ck danh e tu nam ngoai, gio e moi di bao xa thi con phat dc no nua ko');
    expect(wantsOf(q)).not.toContain('penalty');
    expect(answerWants(q)).toContain('penalty');
  });

  it('leads with the khoản on fines over how a report is handled', () => {
    const report = articleHit(
      '20',
      'Xử lý tin báo, tố giác về hành vi bạo lực gia đình',
      ['Chủ tịch Ủy ban nhân dân cấp xã khi nhận tin báo phải xử lý ngay hành vi bạo lực gia đình.'],
      1.1,
    );
    const limit = articleHit(
      '6',
      'Thời hiệu xử phạt vi phạm hành chính',
      ['Thời hiệu xử phạt vi phạm hành chính về phòng, chống bạo lực gia đình là 01 năm.'],
      1.0,
    );
    const w = { bao: 1, tin: 0.5, xa: 1, baoxa: 1.5, phat: 1, bao_luc: 1 };
    const lead = (q: string) => scoreUnits([report, limit], w, answerWants(standardWords(q)), undefined, {})[0]!.hit.article;
    expect(lead('ck danh e tu nam ngoai, gio e moi di bao xa thi con phat dc no nua ko')).toBe('6');
    expect(lead('ck danh e tu nam ngoai, gio e moi di bao xa thi xa lam gi')).toBe('20');
  });
});
