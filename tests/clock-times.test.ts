import { describe, expect, it } from 'vitest';
import { syllables } from '../ingest/text/vietnamese.js';
import { NIGHT_WORK, clockTimes, nightWork } from '../server/retrieval/clock-times.js';
import { analyzeQuery } from '../server/retrieval/query.js';

const night = (q: string) => nightWork(syllables(q));

describe('clock times', () => {
  it('reads the hour, the minutes and the part of the day as she writes them', () => {
    const read = clockTimes(syllables('làm từ 10h tối đến 3h sáng, ca 22 giờ 30, về lúc 2h30 chiều'));
    expect(read.map(({ hour, minute, part }) => [hour, minute, part])).toEqual([
      [10, 0, 'toi'],
      [3, 0, 'sang'],
      [22, 30, null],
      [2, 30, 'chieu'],
    ]);
  });

  it('hears work in the law’s night hours (22 giờ to 06 giờ) as night work, with or without dấu', () => {
    expect(night('chong em di lam 10h toi den 3h sang co duoc tinh them tien khong')).toBe(NIGHT_WORK);
    expect(night('em làm ca từ 22 giờ đến 6 giờ sáng')).toBe(NIGHT_WORK);
    expect(night('cty bat e truc tu 2h dem')).toBe(NIGHT_WORK);
    expect(night('quán bắt em làm tới 11h đêm')).toBe(NIGHT_WORK);
    expect(night('làm từ 4h sáng')).toBe(NIGHT_WORK);
  });

  it('does not hear day work, work that ends at 22 giờ, or a night hour that is not work', () => {
    expect(night('em lam tu 7h sang den 10h toi')).toBeNull();
    expect(night('làm từ 6h sáng đến 5h chiều')).toBeNull();
    expect(night('chồng đánh em lúc 11h đêm')).toBeNull();
    expect(night('cả nhà ngủ từ 10h tối')).toBeNull();
    expect(night('làm việc 10 tiếng một ngày')).toBeNull();
  });

  it('adds the law’s phrase to what the search reads, under work', () => {
    const q = analyzeQuery('chong em di lam 10h toi den 3h sang co duoc tinh them tien khong');
    expect(q.concepts).toContain(NIGHT_WORK);
    expect(q.topics).toContain('lao_dong_nu');
    expect(analyzeQuery('chồng đánh em lúc 11h đêm').concepts).not.toContain(NIGHT_WORK);
  });
});
