import { describe, expect, it } from 'vitest';
import { ageRangesStated, agesNamed, statesAgeNamed } from '../server/answer/plain/ages.js';

const Y = 12;

describe('ages named in a question', () => {
  it('reads years, months beside a child, half years and phone shorthand', () => {
    expect(agesNamed('ly hôn thì con 2 tuổi ai nuôi')).toEqual([2 * Y]);
    expect(agesNamed('con em mới 18 tháng, chồng đòi nuôi')).toEqual([18]);
    expect(agesNamed('bé 10 tháng tuổi')).toEqual([10]);
    expect(agesNamed('con 1 tuổi rưỡi')).toEqual([18]);
    expect(agesNamed('ly hon con 5t thi ai nuoi')).toEqual([5 * Y]);
  });

  it('takes no duration for an age', () => {
    expect(agesNamed('nghỉ thai sản 6 tháng có được không')).toEqual([]);
  });
});

describe('age ranges a khoản states', () => {
  it('reads two-sided ranges, bounds below and above, in months or years', () => {
    expect(ageRangesStated('Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi')).toEqual([{ from: 0, to: 36 }]);
    expect(ageRangesStated('nếu con từ đủ 07 tuổi trở lên thì phải xem xét nguyện vọng của con')).toEqual([{ from: 7 * Y, to: Infinity }]);
    expect(ageRangesStated('Người từ đủ 16 tuổi đến dưới 18 tuổi nếu thuộc một trong các trường hợp sau đây:')).toEqual([{ from: 16 * Y, to: 18 * Y }]);
    expect(ageRangesStated('Người từ đủ 13 tuổi đến chưa đủ 15 tuổi chỉ được làm công việc nhẹ')).toEqual([{ from: 13 * Y, to: 15 * Y }]);
    expect(ageRangesStated('Từ 13 đến dưới 15 tuổi chỉ được làm việc nhẹ')).toEqual([{ from: 13 * Y, to: 15 * Y }]);
  });

  it('says whether her age is held, only other ages are stated, or none', () => {
    expect(statesAgeNamed('Con dưới 36 tháng tuổi được giao cho mẹ', agesNamed('con 2 tuổi'))).toBe('holds');
    expect(statesAgeNamed('con từ đủ 07 tuổi trở lên thì phải xem xét nguyện vọng', agesNamed('con 2 tuổi'))).toBe('other');
    expect(statesAgeNamed('Vợ chồng thỏa thuận về người trực tiếp nuôi con', agesNamed('con 2 tuổi'))).toBe('none');
  });
});
