import { describe, expect, it } from 'vitest';
import { asksAboutInheritance } from '../server/answer/plain/heirs.js';
import { wantsOf } from '../server/answer/plain/intent.js';
import { scoreUnits } from '../server/answer/plain/units.js';
import { statesDivorceCase, widowedNotDivorced } from '../server/answer/plain/widowed.js';
import { analyzeQuery } from '../server/retrieval/query.js';
import { articleHit } from './helpers/article-hits.js';

/**
 * A death told as the background of her question (heirs.asksAboutInheritance): an article of a
 * division on inheritance answers only when she asks about inheritance.
 */

const hit = (article: string, title: string, clauses: string[], score: number, inheritance = false) =>
  articleHit(article, title, clauses, score, { inheritance });

const asked = (q: string) => asksAboutInheritance(q, analyzeQuery(q).topics);

describe('a death told as background (answer/plain/heirs.ts)', () => {
  it('reads whether she asks about what he left, with or without dấu', () => {
    expect(asked('vợ tôi qua đời đã lâu, nay tôi muốn cưới người khác thì con gái có phản đối được không')).toBe(false);
    expect(asked('ck chet roi, ba noi doi dem chau ve nuoi')).toBe(false);
    expect(asked('chồng chết, vợ cả và vợ hai ai được hưởng nhà')).toBe(true);
    expect(asked('ck mat de lai mieng dat, ai dc chia')).toBe(true);
  });

  it('an article on inheriting leads only when she asks about inheritance', () => {
    // In miniature: the remarried widow's inheritance (BLDS Điều 655) beside the freedom to marry.
    const inherits = hit(
      '655',
      'Việc thừa kế khi đã kết hôn với người khác',
      ['Người đang là vợ hoặc chồng của một người tại thời điểm người đó chết thì dù sau đó đã kết hôn với người khác vẫn được thừa kế di sản.'],
      1,
      true,
    );
    const marries = hit('8', 'Điều kiện kết hôn', ['Việc kết hôn do nam và nữ tự nguyện quyết định.'], 0.9);
    const w = { chet: 2, ket: 1, hon: 1, kethon: 3, nguoi: 0.5, khac: 1, nguoikhac: 2, thua: 1, ke: 1, thuake: 2, tu: 1, nguyen: 1, tunguyen: 3 };
    const first = (q: string) => scoreUnits([inherits, marries], w, wantsOf(q), undefined, { inheritanceAsked: asked(q) })[0]!.hit.article;
    expect(first('chồng chết rồi, tôi kết hôn với người khác thì có phải tự nguyện không hay nhà chồng quyết')).toBe('8');
    expect(first('chồng chết, tôi kết hôn với người khác thì còn được thừa kế không')).toBe('655');
  });

  it('a rule for after a divorce is another case when her husband or wife died (widowed.ts)', () => {
    expect(widowedNotDivorced('vợ anh ấy qua đời, con ở với ai')).toBe(true);
    expect(widowedNotDivorced('ck e chet vi tai nan, ong ba noi doi nuoi chau')).toBe(true);
    // Missing is no death; a divorce named is hers.
    expect(widowedNotDivorced('chồng mất tích 3 năm, em muốn ly hôn')).toBe(false);
    expect(widowedNotDivorced('ck mat viec, suot ngay nhau nhet')).toBe(false);
    expect(widowedNotDivorced('chồng chết rồi thì có phải ly hôn không')).toBe(false);
    expect(statesDivorceCase('Việc trông nom, chăm sóc, nuôi dưỡng, giáo dục con sau khi ly hôn')).toBe(true);
    const afterDivorce = hit('81', 'Việc nuôi con sau khi ly hôn', ['Ông bà nội, ông bà ngoại được nuôi cháu, chăm sóc con khi cha mẹ ly hôn.'], 1);
    const grandparents = hit('104', 'Quyền, nghĩa vụ của ông bà và cháu', ['Ông bà nội, ông bà ngoại được nuôi cháu, chăm sóc con và trông nom cháu.'], 0.95);
    const w = { nuoi: 2, con: 1, chau: 2, ong: 1, ba: 1, ongba: 2, cham: 1, soc: 1, chamsoc: 2 };
    const first = (q: string) => scoreUnits([afterDivorce, grandparents], w, wantsOf(q), undefined, { widowed: widowedNotDivorced(q) })[0]!.hit.article;
    expect(first('chồng tôi qua đời, ông bà nội đòi nuôi cháu chăm sóc con tôi')).toBe('104');
    expect(first('ly hôn thì ông bà nội có được nuôi cháu chăm sóc con tôi không')).toBe('81');
  });
});
