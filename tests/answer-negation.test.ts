import { describe, expect, it } from 'vitest';
import { negatedByHer, negatesToo } from '../server/answer/plain/negation.js';

describe('what she says did not happen (answer/plain/negation.ts)', () => {
  it('reads the acts after a negator, not a question particle at the end of a clause', () => {
    expect([...negatedByHer('chúng em chưa từng lên xã đăng ký kết hôn')]).toEqual(expect.arrayContaining(['ky', 'ket', 'hon']));
    expect(negatedByHer('có được nghỉ không, đăng ký chưa').size).toBe(0);
    expect([...negatedByHer('ck ko dua tien nuoi con')]).toEqual(expect.arrayContaining(['dua', 'tien']));
  });

  it('finds the khoản that says the same act was not done, not one where it was', () => {
    const hers = negatedByHer('sống với nhau 5 năm mà chưa đăng ký kết hôn thì có phải vợ hợp pháp không');
    expect(negatesToo('chung sống với nhau như vợ chồng mà không đăng ký kết hôn thì không làm phát sinh quyền, nghĩa vụ giữa vợ và chồng', hers)).toBe(true);
    expect(negatesToo('chung sống với nhau như vợ chồng nhưng sau đó thực hiện việc đăng ký kết hôn', hers)).toBe(false);
    expect(negatesToo('không đăng ký kết hôn', new Set())).toBe(false);
  });
});
