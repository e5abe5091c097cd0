import { describe, expect, it } from 'vitest';
import { asksEntitlement, classifiesPersons } from '../server/answer/plain/definition.js';
import { scoreUnits } from '../server/answer/plain/units.js';
import { standardWords } from '../server/retrieval/query.js';
import { articleHit } from './helpers/article-hits.js';

describe('an article saying who belongs to a group (definition.ts, classifiesPersons)', () => {
  it('is read from its text: every khoản restates a title naming persons, or the first lists what it includes', () => {
    expect(
      classifiesPersons('Trẻ em mồ côi cả cha và mẹ', [
        'Trẻ em mồ côi cả cha và mẹ không có người chăm sóc.',
        'Trẻ em mồ côi cả cha và mẹ sống với người thân thích.',
      ]),
    ).toBe(true);
    expect(classifiesPersons('Trẻ em có hoàn cảnh đặc biệt', ['Trẻ em có hoàn cảnh đặc biệt bao gồm các nhóm sau đây:', 'Chính phủ quy định chi tiết.'])).toBe(
      true,
    );
    // A right of the group, or a single khoản restating it, is a rule.
    expect(classifiesPersons('Quyền của trẻ em khuyết tật', ['Trẻ em khuyết tật được hưởng đầy đủ các quyền của trẻ em.'])).toBe(false);
    expect(classifiesPersons('Trẻ em khuyết tật', ['Trẻ em khuyết tật được hỗ trợ, chăm sóc.'])).toBe(false);
    // A list of acts, not of persons.
    expect(classifiesPersons('Hành vi bạo lực gia đình', ['Hành vi bạo lực gia đình bao gồm:'])).toBe(false);
  });

  it('reads her asking what the State gives', () => {
    expect(asksEntitlement(standardWords('chau mo coi o voi ba, co duoc nha nuoc dong bao hiem y te ko'))).toBe(true);
    expect(asksEntitlement('cháu mồ côi ở với bà có được tính là trẻ có hoàn cảnh đặc biệt không')).toBe(false);
  });

  it('counts less when she asks what she gets and another article gives', () => {
    const group = articleHit(
      '10',
      'Trẻ em có hoàn cảnh đặc biệt',
      ['Trẻ em có hoàn cảnh đặc biệt bao gồm trẻ em khuyết tật, trẻ em mồ côi cả cha và mẹ.', 'Chính phủ quy định chi tiết khoản 1.'],
      1.2,
    );
    const rights = articleHit('35', 'Quyền của trẻ em khuyết tật', ['Trẻ em khuyết tật được hỗ trợ, chăm sóc, giáo dục đặc biệt.'], 1.0);
    const w = { tre: 0.5, em: 0.3, khuyet: 1.5, tat: 1.5, khuyettat: 2, ho: 0.5, tro: 0.5, hotro: 1 };
    const lead = (entitlementAsked: boolean) => scoreUnits([group, rights], w, [], undefined, { entitlementAsked })[0]!.hit.article;
    expect(lead(true)).toBe('35');
    expect(lead(false)).toBe('10');
  });
});
