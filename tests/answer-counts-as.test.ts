import { describe, expect, it } from 'vitest';
import { classifiesPersons, countsAsNamed, titleNamesWhat } from '../server/answer/plain/definition.js';
import { wantsOf } from '../server/answer/plain/intent.js';
import { scoreUnits } from '../server/answer/plain/units.js';
import { standardWords } from '../server/retrieval/query.js';
import { articleHit } from './helpers/article-hits.js';

describe('asked whether her case counts as what the law names (definition.ts, countsAsNamed)', () => {
  it('reads the name she asks about', () => {
    expect(countsAsNamed('Con không chăm sóc mẹ già ốm đau thì có tính là bạo lực gia đình không?')).toBe('bao luc gia dinh');
    expect(countsAsNamed(standardWords('mảnh đất bố mẹ cho riêng có được coi là tài sản riêng ko'))).toBe('tai san rieng');
    expect(countsAsNamed('chồng không chăm sóc mẹ già thì có bị phạt không')).toBeNull();
  });

  it('reads an article titled for the name, or for its acts or cases', () => {
    expect(titleNamesWhat('Hành vi bạo lực gia đình', 'bao luc gia dinh')).toBe(true);
    expect(titleNamesWhat('Tài sản riêng của vợ, chồng', 'tai san rieng')).toBe(true);
    expect(titleNamesWhat('Các hành vi bị nghiêm cấm trong phòng, chống bạo lực gia đình', 'bao luc gia dinh')).toBe(false);
    expect(titleNamesWhat('Nghĩa vụ và quyền chăm sóc, nuôi dưỡng', 'bao luc gia dinh')).toBe(false);
  });

  it('puts the article titled for the name before a rule sharing more of her story', () => {
    const duty = articleHit('71', 'Nghĩa vụ và quyền chăm sóc, nuôi dưỡng', ['Con có nghĩa vụ chăm sóc, nuôi dưỡng cha mẹ khi ốm đau, già yếu.'], 1.2);
    const acts = articleHit('3', 'Hành vi bạo lực gia đình', ['Bỏ mặc, không chăm sóc thành viên gia đình là người cao tuổi, ốm đau.'], 1.0);
    const w = { cham: 1, soc: 1, chamsoc: 2, me: 0.5, gia: 0.5, om: 1, dau: 1, omdau: 2, bao: 0.5, luc: 0.5, baoluc: 1.5 };
    const lead = (countsAsName: string | null) => scoreUnits([duty, acts], w, [], undefined, { countsAsName })[0]!.hit.article;
    expect(lead('bao luc gia dinh')).toBe('3');
    expect(lead(null)).toBe('71');
  });

  it('reads a khoản restating its title without tones as restating it', () => {
    expect(
      classifiesPersons('Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở', [
        'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phố cập giáo dục trung học cơ sở không có người chăm sóc.',
        'Trẻ em phải bỏ học kiếm sống chưa hoàn thành phổ cập giáo dục trung học cơ sở sống cùng cha, mẹ hoặc người chăm sóc.',
      ]),
    ).toBe(true);
  });
});

describe('asked which of two places (intent.ts, where)', () => {
  it('reads "ở xã A hay xã B" as asking where', () => {
    expect(wantsOf('ba lam khai sinh cho chau o xa ba o hay xa cua me no')).toContain('where');
    expect(wantsOf('làm giấy khai tử ở xã nơi ông mất hay nơi ông ở')).toContain('where');
    expect(wantsOf('đưa tiền ra cho con hay cho cháu')).not.toContain('where');
  });
});
