import { describe, expect, it } from 'vitest';
import {
  ageOutsideNote,
  ageRangesStated,
  agesNamed,
  herAges,
  pregnancyRangesStated,
  pregnancyWeeksNamed,
  statesAgeNamed,
  statesPregnancyNamed,
} from '../server/answer/plain/ages.js';

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

  it('takes no gap between two people for an age; "hơn" right before the number is still a range', () => {
    expect(agesNamed('muốn nhận cháu ruột làm con nuôi mà em chỉ hơn cháu 15 tuổi')).toEqual([]);
    expect(agesNamed('chong hon e 10 tuoi')).toEqual([]);
    expect(agesNamed('hai vợ chồng chênh lệch 12 tuổi')).toEqual([]);
    expect(agesNamed('em kém anh ấy 8 tuổi')).toEqual([]);
    expect(agesNamed('con hơn 7 tuổi rồi thì ai nuôi')).toEqual([7 * Y + 1]);
    // The child's own age beside the gap is still read.
    expect(agesNamed('bé 5 tuổi, em hơn bé 18 tuổi')).toEqual([5 * Y]);
  });
});

describe('age ranges a khoản states', () => {
  it('reads two-sided ranges, bounds below and above, in months or years', () => {
    expect(ageRangesStated('Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi')).toEqual([{ from: 0, to: 36 }]);
    expect(ageRangesStated('nếu con từ đủ 07 tuổi trở lên thì phải xem xét nguyện vọng của con')).toEqual([{ from: 7 * Y, to: Infinity }]);
    expect(ageRangesStated('Người từ đủ 16 tuổi đến dưới 18 tuổi nếu thuộc một trong các trường hợp sau đây:')).toEqual([{ from: 16 * Y, to: 18 * Y }]);
    expect(ageRangesStated('Người từ đủ 13 tuổi đến chưa đủ 15 tuổi chỉ được làm công việc nhẹ')).toEqual([{ from: 13 * Y, to: 15 * Y }]);
    expect(ageRangesStated('Từ 13 đến dưới 15 tuổi chỉ được làm việc nhẹ')).toEqual([{ from: 13 * Y, to: 15 * Y }]);
    // A gap between adopter and child is no one's age.
    expect(ageRangesStated('Hơn con nuôi từ 20 tuổi trở lên;')).toEqual([]);
    expect(
      ageOutsideNote(
        'Hơn con nuôi từ 20 tuổi trở lên;',
        'Em gái em mất, em muốn nhận cháu 10 tuổi làm con nuôi, em hơn cháu có 18 tuổi thôi thì có được không',
      ),
    ).toBeNull();
    // Until an age is below it, not from it (BHXH Điều 86 khoản 2 điểm a, Điều 56 khoản 1).
    expect(ageRangesStated('Các con khi người cha chết thì được hưởng đến khi đủ 18 tuổi;')).toEqual([{ from: 0, to: 18 * Y }]);
    expect(ageRangesStated('nghỉ việc từ thời điểm nhận con cho đến khi con đủ 06 tháng tuổi')).toEqual([{ from: 0, to: 6 }]);
  });

  it('says whether her age is held, only other ages are stated, or none', () => {
    expect(statesAgeNamed('Con dưới 36 tháng tuổi được giao cho mẹ', agesNamed('con 2 tuổi'))).toBe('holds');
    expect(statesAgeNamed('con từ đủ 07 tuổi trở lên thì phải xem xét nguyện vọng', agesNamed('con 2 tuổi'))).toBe('other');
    expect(statesAgeNamed('Vợ chồng thỏa thuận về người trực tiếp nuôi con', agesNamed('con 2 tuổi'))).toBe('none');
  });
});

describe("a pregnancy's age", () => {
  // BHXH 2024 Điều 52, khoản 1 điểm b–c and khoản 2, in the law's words.
  const fiveTo13 = 'b) 20 ngày nếu thai từ đủ 05 tuần tuổi đến dưới 13 tuần tuổi;';
  const thirteenTo22 = 'c) 40 ngày nếu thai từ đủ 13 tuần tuổi đến dưới 22 tuần tuổi;';
  const from22 = 'Trường hợp lao động nữ mang thai từ đủ 22 tuần tuổi trở lên mà bị sảy thai, phá thai…';

  it('reads weeks, and months right after a word of pregnancy, as a mother counts them', () => {
    expect(pregnancyWeeksNamed('em pha thai luc 10 tuan thi nghi may ngay')).toEqual([10]);
    expect(pregnancyWeeksNamed('sảy thai 4 tháng được nghỉ bao lâu')).toEqual([17]);
    expect(pregnancyWeeksNamed('bầu được 3 tháng rưỡi thì bị sảy')).toEqual([15]);
    // A duration of leave is no pregnancy, nor a child's months.
    expect(pregnancyWeeksNamed('nghỉ thai sản 6 tháng có được không')).toEqual([]);
    expect(pregnancyWeeksNamed('con 10 tháng tuổi ốm, em nghỉ có được không')).toEqual([]);
  });

  it('reads the ranges in weeks a khoản states, and which holds hers', () => {
    expect(pregnancyRangesStated(thirteenTo22)).toEqual([{ from: 13, to: 22 }]);
    expect(pregnancyRangesStated(from22)).toEqual([{ from: 22, to: Infinity }]);
    // A person's age is not a pregnancy's, nor the other way round.
    expect(ageRangesStated(from22)).toEqual([]);
    expect(pregnancyRangesStated('Con dưới 36 tháng tuổi được giao cho mẹ')).toEqual([]);
    const weeks = pregnancyWeeksNamed('sảy thai 4 tháng được nghỉ bao lâu');
    expect(statesPregnancyNamed(thirteenTo22, weeks)).toBe('holds');
    expect(statesPregnancyNamed(from22, weeks)).toBe('other');
    expect(statesPregnancyNamed(fiveTo13, pregnancyWeeksNamed('pha thai luc 10 tuan'))).toBe('holds');
  });
});

describe('a rule about other ages than hers', () => {
  // BLHS Điều 145 khoản 1, as the law and its plain sentence say it.
  const art145 =
    'Người nào đủ 18 tuổi trở lên mà giao cấu hoặc thực hiện hành vi quan hệ tình dục khác với người từ đủ 13 tuổi đến dưới 16 tuổi Người đủ 18 tuổi trở lên giao cấu, quan hệ tình dục với trẻ từ đủ 13 đến dưới 16 tuổi, bị tù 01 đến 05 năm.';

  it("reads whose age she asks about: hers or her child's, not the other party's", () => {
    expect(herAges('em 17 tuổi có bầu với bạn trai 18 tuổi, bạn trai có bị đi tù không')).toEqual([17 * Y]);
    expect(herAges('bạn trai 20 tuổi quan hệ với em 15 tuổi có sao không')).toEqual([15 * Y]);
    expect(herAges('con bé nhà e 15 tuổi bị thằng 20 tuổi dụ')).toEqual([15 * Y]);
    // Nobody named beside the age: every age counts.
    expect(herAges('người 25 tuổi có được nhận con nuôi không')).toEqual([25 * Y]);
    // A range in the law's words stands for an age just inside it, and is never said back as her age.
    expect(agesNamed('con dưới 12 tháng thì mẹ được nghỉ mỗi ngày bao nhiêu phút')).toEqual([11]);
    expect(agesNamed('trẻ chưa đủ 16 tuổi có được đi làm không')).toEqual([16 * Y - 1]);
    expect(agesNamed('con trên 7 tuổi thì tòa có hỏi ý kiến con không')).toEqual([7 * Y + 1]);
    expect(herAges('con dưới 12 tháng thì mẹ được nghỉ mỗi ngày bao nhiêu phút')).toEqual([]);
    expect(ageOutsideNote('Lao động nữ nuôi con dưới 12 tháng tuổi được nghỉ mỗi ngày 60 phút.', 'con dưới 12 tháng thì được nghỉ bao nhiêu phút')).toBeNull();
  });

  it('says the range of a rule she is outside of, and says nothing when a range holds her age', () => {
    const note = ageOutsideNote(art145, 'em 17 tuổi có bầu với bạn trai 18 tuổi, bạn trai có bị đi tù không');
    expect(note).toBe('Lưu ý: khoản luật dưới đây nói về người từ đủ 13 tuổi đến dưới 16 tuổi; tuổi chị nêu (17 tuổi) không thuộc độ tuổi này.');
    // A girl of 15: the rule is about her.
    expect(ageOutsideNote(art145, 'bạn trai 20 tuổi quan hệ với em 15 tuổi có sao không')).toBeNull();
    // Child custody: under 36 months is a child of 2, not of 5; no age named, no note.
    const custody = 'Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi';
    expect(ageOutsideNote(custody, 'ly hôn thì con 2 tuổi ai nuôi')).toBeNull();
    expect(ageOutsideNote(custody, 'ly hôn thì con 5 tuổi ai nuôi')).toBe(
      'Lưu ý: khoản luật dưới đây nói về người dưới 36 tháng tuổi; tuổi chị nêu (5 tuổi) không thuộc độ tuổi này.',
    );
    expect(ageOutsideNote(custody, 'ly hôn thì ai nuôi con')).toBeNull();
    // A minimum she has not reached (often the condition she asks about) is said not yet reached.
    const age = 'Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên;';
    expect(ageOutsideNote(age, 'con gái em 16 tuổi có người hỏi cưới, có cho cưới được không')).toBe(
      'Lưu ý: khoản luật dưới đây nói về người từ đủ 20 tuổi trở lên hoặc từ đủ 18 tuổi trở lên; tuổi chị nêu (16 tuổi) chưa đủ độ tuổi này.',
    );
    expect(ageOutsideNote(age, 'con gái em 19 tuổi lấy chồng được chưa')).toBeNull();
    // A half year is told back as she said it, not in months.
    expect(ageOutsideNote(age, 'con gai em 17 tuoi ruoi, dang ky ket hon duoc chua')).toBe(
      'Lưu ý: khoản luật dưới đây nói về người từ đủ 20 tuổi trở lên hoặc từ đủ 18 tuổi trở lên; tuổi chị nêu (17 tuổi rưỡi) chưa đủ độ tuổi này.',
    );
    expect(ageOutsideNote('Trẻ em dưới 16 tuổi không được làm việc này.', 'con em 17 tuổi có được làm không')).toBe(
      'Lưu ý: khoản luật dưới đây nói về người dưới 16 tuổi; tuổi chị nêu (17 tuổi) không thuộc độ tuổi này.',
    );
    // An age in a condition of the rule is one branch of it, not whom the rule is about; the plain
    // sentence is read only when the law's words state no age.
    const agreed =
      'Vợ, chồng thỏa thuận về người trực tiếp nuôi con; trường hợp không thỏa thuận được thì Tòa án quyết định giao con cho một bên trực tiếp nuôi; nếu con từ đủ 07 tuổi trở lên thì phải xem xét nguyện vọng của con.';
    expect(ageOutsideNote(agreed, 'ly hôn thì con 5 tuổi ai nuôi', 'Tòa án giao con cho một bên, con từ đủ 07 tuổi được hỏi nguyện vọng.')).toBeNull();
    expect(ageOutsideNote('Trẻ em được nhận làm con nuôi.', 'con 17 tuổi', 'Trẻ em dưới 16 tuổi được nhận làm con nuôi.')).toBe(
      'Lưu ý: khoản luật dưới đây nói về người dưới 16 tuổi; tuổi chị nêu (17 tuổi) không thuộc độ tuổi này.',
    );
    // From the plain sentence, only its first clause says whom the rule is about: a detail after ";"
    // (the child heard from 7) is not, when the law's words name no age.
    const change = 'Tòa án có thể quyết định việc thay đổi người trực tiếp nuôi con.';
    const changePlain = 'Tòa án có thể đổi người nuôi con khi người đang nuôi không còn đủ điều kiện; con từ đủ 07 tuổi được hỏi nguyện vọng.';
    expect(ageOutsideNote(change, 'bà nội có được xin tòa đổi người nuôi cháu 5 tuổi không', changePlain)).toBeNull();
    // A child of 8 is inside "đến khi đủ 18 tuổi": her case, no note (she had been told the rule was for people from 18).
    expect(ageOutsideNote('Các con khi người cha chết thì được hưởng đến khi đủ 18 tuổi;', 'con em 8 tuổi có được tiền tuất hằng tháng không')).toBeNull();
    // A threshold she is below is named as such.
    expect(ageOutsideNote('Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên', 'con gái 15 tuổi có được lấy chồng không')).toBe(
      'Lưu ý: khoản luật dưới đây nói về người từ đủ 20 tuổi trở lên hoặc từ đủ 18 tuổi trở lên; tuổi chị nêu (15 tuổi) chưa đủ độ tuổi này.',
    );
  });
});
