import { describe, expect, it } from 'vitest';
import { OTHER_CASE, otherCaseFactor } from '../server/answer/plain/case-rules.js';
import { statesChildCase } from '../server/answer/plain/child-case.js';
import { statesForeignCase } from '../server/answer/plain/foreigner.js';
import { namesSickOrCare, statesSickChildCase } from '../server/answer/plain/child-care.js';
import { namesVoluntary, statesVoluntaryCase } from '../server/answer/plain/voluntary.js';
import { namesDivorce } from '../server/answer/plain/divorce.js';
import { namesAdoption } from '../server/answer/plain/adoption.js';
import { asksChildSupportOnly, statesSpouseSupport } from '../server/answer/plain/spouse-support.js';
import { namesCourtCase, statesPendingCase } from '../server/answer/plain/court-case.js';
import { namesRegisteredSpouse, statesUnregisteredCase } from '../server/answer/plain/unregistered.js';
import { namesNoInsurance, statesInsuranceMembership } from '../server/answer/plain/insurance.js';
import { namesNoMany, statesSupportOfMany } from '../server/answer/plain/support-many.js';

// The law's own lines (BHXH 2024 Điều 53 khoản 2, Điều 42 khoản 1 điểm e), read as the answerer reads them.
const husbands = {
  text: 'Lao động nam đang đóng bảo hiểm xã hội khi vợ sinh con được nghỉ việc hưởng chế độ thai sản như sau:',
  leadIn: null,
  articleTitle: 'Thời gian hưởng chế độ khi sinh con',
};
const sickChild = {
  text: 'Chăm sóc con dưới 07 tuổi bị ốm đau;',
  leadIn: 'Người lao động được hưởng chế độ ốm đau trong trường hợp sau đây:',
  articleTitle: 'Điều kiện hưởng chế độ ốm đau',
};

describe('rules for a case she does not have', () => {
  it('lowers the husband’s rule only when she names no man', () => {
    expect(otherCaseFactor(husbands, { manNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(husbands, { manNamed: true })).toBe(1);
    // Nothing read of her question: nothing is ruled out.
    expect(otherCaseFactor(husbands, {})).toBe(1);
  });

  it('lowers the sick-child rule when she names no child, and not her own sickness', () => {
    expect(otherCaseFactor(sickChild, { childNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(sickChild, { childNamed: true })).toBe(1);
    expect(otherCaseFactor({ ...sickChild, text: 'Bản thân bị ốm đau, tai nạn mà không phải là tai nạn lao động;' }, { childNamed: false })).toBe(1);
  });

  it('counts each case that is not hers', () => {
    // A sickness rule (the article's title) when she asks about a birth, which is also the sick-child rule.
    const f = otherCaseFactor(sickChild, { childNamed: false, birthNotIllness: true });
    expect(f).toBeCloseTo(OTHER_CASE * OTHER_CASE, 10);
  });
});

describe('a child’s case, a foreigner’s case (the law’s own lines)', () => {
  it('reads a child as the subject of the unit or of its article, not a child named further on', () => {
    // Nghị định 56 Điều 14; PCMBN Điều 37 khoản 2; BLLĐ Điều 145 names children in the middle.
    expect(statesChildCase('Trẻ em bị mua bán trở về sống với cha, mẹ.', null, 'Trẻ em bị mua bán')).toBe(true);
    expect(statesChildCase('2. Người dưới 18 tuổi đi cùng nạn nhân là công dân Việt Nam…', null, 'Đối tượng và chế độ hỗ trợ')).toBe(true);
    expect(
      statesChildCase(
        'Nạn nhân là công dân Việt Nam, người không quốc tịch thường trú ở Việt Nam được hưởng chế độ hỗ trợ sau đây:',
        null,
        'Đối tượng và chế độ hỗ trợ',
      ),
    ).toBe(false);
    expect(statesChildCase('Người sử dụng lao động không được sử dụng người lao động là trẻ em làm công việc nặng nhọc.', null, 'Sử dụng lao động')).toBe(
      false,
    );
  });

  it('reads a foreigner’s case, but not the foreigner as the last of a list of pairs', () => {
    // PCMBN Điều 37 khoản 4; Hộ tịch Điều 37 khoản 1; HN&GĐ Điều 2 khoản 2.
    expect(statesForeignCase('Nạn nhân, người đang trong quá trình xác định là nạn nhân là người nước ngoài bị mua bán tại Việt Nam…', null)).toBe(true);
    expect(
      statesForeignCase(
        'Ủy ban nhân dân cấp huyện nơi cư trú của công dân Việt Nam thực hiện đăng ký kết hôn giữa công dân Việt Nam với người nước ngoài;',
        null,
      ),
    ).toBe(true);
    expect(
      statesForeignCase(
        'Hôn nhân giữa công dân Việt Nam thuộc các dân tộc, tôn giáo, giữa người theo tôn giáo với người không theo tôn giáo, giữa người có tín ngưỡng với người không có tín ngưỡng, giữa công dân Việt Nam với người nước ngoài được tôn trọng và được pháp luật bảo vệ.',
        null,
      ),
    ).toBe(false);
  });

  it('lowers them only when she names no child, nothing foreign', () => {
    const child = { text: 'Trẻ em bị mua bán trở về sống với cha, mẹ.', leadIn: null, articleTitle: 'Trẻ em bị mua bán' };
    expect(otherCaseFactor(child, { childNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(child, { childNamed: true })).toBe(1);
    const foreign = {
      text: 'Người nước ngoài thường trú ở Việt Nam nhận con nuôi ở Việt Nam.',
      leadIn: null,
      articleTitle: 'Các trường hợp nuôi con nuôi có yếu tố nước ngoài',
    };
    expect(otherCaseFactor(foreign, { foreignNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(foreign, { foreignNamed: true })).toBe(1);
  });
});

// BHXH 2024 Điều 98 (the voluntary payer's pension) and Điều 70 khoản 3 (a worker's lump sum, which
// names the voluntary scheme only as what it leaves out), as the answerer reads them.
const voluntaryPension = {
  text: 'Người tham gia bảo hiểm xã hội tự nguyện được hưởng lương hưu khi đủ tuổi nghỉ hưu theo quy định tại khoản 2 Điều 169 của Bộ luật Lao động và có thời gian đóng bảo hiểm xã hội từ đủ 15 năm trở lên.',
  leadIn: null,
  articleTitle: 'Đối tượng và điều kiện hưởng lương hưu',
};
const workersLumpSum = {
  text: 'Mức hưởng bảo hiểm xã hội một lần được tính theo số năm đã đóng và căn cứ đóng bảo hiểm xã hội nhưng không bao gồm số tiền ngân sách nhà nước hỗ trợ đóng bảo hiểm xã hội tự nguyện, cứ mỗi năm được tính như sau:',
  leadIn: null,
  articleTitle: 'Hưởng bảo hiểm xã hội một lần',
};

describe('the voluntary scheme’s rule', () => {
  it('is read from the law’s words: voluntary alone, not beside the compulsory scheme nor as what is left out', () => {
    expect(statesVoluntaryCase(voluntaryPension.text, null, voluntaryPension.articleTitle)).toBe(true);
    expect(statesVoluntaryCase(workersLumpSum.text, null, workersLumpSum.articleTitle)).toBe(false);
    expect(statesVoluntaryCase('Hồ sơ đăng ký tham gia bảo hiểm xã hội bắt buộc và bảo hiểm xã hội tự nguyện', null, null)).toBe(false);
    expect(statesVoluntaryCase('Mức trợ cấp bằng 0,5 lần của mức bình quân thu nhập làm căn cứ đóng bảo hiểm xã hội.', null, null)).toBe(true);
  });

  it('hears a voluntary payer or a life without an employer, with or without dấu', () => {
    expect(namesVoluntary('mẹ tôi ở quê làm ruộng, muốn đóng bảo hiểm để về già có lương hưu')).toBe(true);
    expect(namesVoluntary('em dang dong bhxh tu nguyen duoc 7 nam roi')).toBe(true);
    expect(namesVoluntary('chị nghỉ ở xí nghiệp gạch rồi, muốn đóng nối cho đủ 20 năm')).toBe(true);
    expect(namesVoluntary('chị làm công nhân gạch 18 năm, đến tuổi về hưu thì lương hưu được mấy phần trăm')).toBe(false);
    expect(namesVoluntary('toi dong bao hiem o cong ty da 16 nam, nam sau du tuoi thi co luong huu khong')).toBe(false);
  });

  it('lowers it only when she names neither', () => {
    expect(otherCaseFactor(voluntaryPension, { voluntaryNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(voluntaryPension, { voluntaryNamed: true })).toBe(1);
    expect(otherCaseFactor(workersLumpSum, { voluntaryNamed: false })).toBe(1);
  });
});

describe('a divorce’s rule when she names no divorce (divorce.ts)', () => {
  // HN&GĐ Điều 54, in the section "LY HÔN"; PCBLGĐ Điều 17, mediation of violence, outside any.
  const courtMediation = {
    text: 'Sau khi đã thụ lý đơn yêu cầu ly hôn, Tòa án tiến hành hòa giải theo quy định của pháp luật về tố tụng dân sự.',
    leadIn: null,
    articleTitle: 'Hòa giải tại Tòa án',
    divorce: true,
  };
  const violenceMediation = { text: 'Hòa giải trong phòng, chống bạo lực gia đình …', leadIn: null, articleTitle: 'Hòa giải', divorce: false };

  it('hears a divorce by its words, an ex-husband, or its topics', () => {
    expect(namesDivorce('xa cu goi len hoa giai, e khong muon hoa giai voi ong chong vu phu do nua', ['bao_luc_gia_dinh'])).toBe(false);
    expect(namesDivorce('em muốn ly hôn mà tòa cứ bắt hòa giải', [])).toBe(true);
    expect(namesDivorce('chồng cũ không cho gặp con', [])).toBe(true);
    expect(namesDivorce('em muốn chia tài sản', ['ly_hon'])).toBe(true);
    expect(namesDivorce('ai nuôi con', ['con_cai'])).toBe(true);
    // Marrying again while he lives needs the marriage ended first; a widow's does not.
    expect(namesDivorce('chồng bỏ đi 4 năm không tin tức, em muốn lấy chồng khác', [])).toBe(true);
    expect(namesDivorce('chong mat tich 3 nam, e muon di buoc nua', [])).toBe(true);
    expect(namesDivorce('chồng mất được ba năm, em muốn đi bước nữa', [])).toBe(false);
  });

  it('lowers a rule of the divorce section only when she names none, and leaves a widow to widowed.ts', () => {
    expect(otherCaseFactor(courtMediation, { divorceNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(courtMediation, { divorceNamed: true })).toBe(1);
    expect(otherCaseFactor(violenceMediation, { divorceNamed: false })).toBe(1);
    // Widowed: the divorce-titled rule is widowed.ts's; this row does not count it twice.
    expect(
      otherCaseFactor({ ...courtMediation, articleTitle: 'Nguyên tắc giải quyết tài sản của vợ chồng khi ly hôn' }, { divorceNamed: false, widowed: true }),
    ).toBe(OTHER_CASE);
  });
});

describe('an adopter’s rule (Luật Nuôi con nuôi) when she names no adoption', () => {
  // Nuôi con nuôi Điều 13 khoản 1, and BHXH Điều 50 khoản 2, which names adopting beside a birth.
  const adopters = {
    text: 'Lợi dụng việc nuôi con nuôi để trục lợi, bóc lột sức lao động, xâm hại tình dục; bắt cóc, mua bán trẻ em.',
    leadIn: null,
    articleTitle: 'Các hành vi bị cấm',
    documentTitle: 'Luật Nuôi con nuôi',
  };
  const maternity = {
    text: 'Lao động nữ sinh con phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trở lên trong thời gian 12 tháng trước khi sinh con hoặc nhận con nuôi.',
    leadIn: null,
    articleTitle: 'Đối tượng và điều kiện hưởng chế độ thai sản',
    documentTitle: 'Luật Bảo hiểm xã hội',
  };
  it('lowers the adoption law’s rules only when she names no adoption, and no other law’s mention of it', () => {
    expect(otherCaseFactor(adopters, { adoptionNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(adopters, { adoptionNamed: true })).toBe(1);
    expect(otherCaseFactor(maternity, { adoptionNamed: false })).toBe(1);
  });
  it('reads adoption named, a child asked for or taken in, typed with or without dấu', () => {
    expect(namesAdoption('nhận cháu ruột làm con nuôi thì cần điều kiện gì')).toBe(true);
    expect(namesAdoption('co nguoi xin con cua e ve nuoi')).toBe(true);
    expect(namesAdoption('em là dì ruột muốn nuôi cháu')).toBe(true);
    expect(namesAdoption('thằng cháu 11 tuổi bị ông chú bắt đi bán vé số cả ngày, có phải bị bóc lột không')).toBe(false);
    expect(namesAdoption('ly hôn thì con ai nuôi')).toBe(false);
  });

  it('lowers the sick-child rule when she names a child but no illness and no leave', () => {
    // BHXH 2024 Điều 44 khoản 1, under its title.
    const days = {
      text: 'Thời gian hưởng chế độ khi chăm sóc con ốm đau trong một năm … tối đa là 15 ngày nếu con từ đủ 03 tuổi đến dưới 07 tuổi.',
      leadIn: null,
      articleTitle: 'Thời gian hưởng chế độ khi chăm sóc con ốm đau',
    };
    expect(statesSickChildCase(days.text, days.leadIn, days.articleTitle)).toBe(true);
    // Nghị định 282 Điều 43 khoản 1 điểm b: caring for a child after a divorce, no illness.
    expect(
      statesSickChildCase(
        'Từ chối hoặc trốn tránh nghĩa vụ cấp dưỡng, nuôi dưỡng cha, mẹ; nghĩa vụ cấp dưỡng, chăm sóc con sau khi ly hôn theo quy định của pháp luật.',
        null,
        'Vi phạm quy định về chăm sóc, nuôi dưỡng, cấp dưỡng',
      ),
    ).toBe(false);
    const alone = 'vợ chồng em đi làm xa, để con 5 tuổi ở nhà một mình cả ngày, hàng xóm bảo vi phạm, có đúng không';
    expect(namesSickOrCare(alone)).toBe(false);
    expect(otherCaseFactor(days, { childNamed: true, sickOrCareNamed: namesSickOrCare(alone) })).toBe(OTHER_CASE);
    for (const q of [
      'con 4 tuổi bị sốt xuất huyết em nghỉ được mấy ngày',
      'nghỉ chăm con 2 tuoi co duoc huong bhxh ko',
      'con nằm viện 1 tuần, mẹ có được hưởng không',
    ]) {
      expect(namesSickOrCare(q)).toBe(true);
      expect(otherCaseFactor(days, { childNamed: true, sickOrCareNamed: namesSickOrCare(q) })).toBe(1);
    }
    // "họ", "mô", "đâu" folded are no cough, operation or pain.
    expect(namesSickOrCare('con 6 tuổi ở nhà họ, nộp đơn ở mô, ở đâu')).toBe(false);
  });

  it('lowers support between the spouses when she asks for money for her child', () => {
    // HN&GĐ Điều 115 as the answerer reads it.
    const spouses = {
      text: 'Khi ly hôn nếu bên khó khăn, túng thiếu có yêu cầu cấp dưỡng mà có lý do chính đáng thì bên kia có nghĩa vụ cấp dưỡng theo khả năng của mình.',
      leadIn: null,
      articleTitle: 'Nghĩa vụ cấp dưỡng giữa vợ và chồng khi ly hôn',
    };
    const child = {
      text: 'Cha, mẹ không trực tiếp nuôi con có nghĩa vụ cấp dưỡng cho con.',
      leadIn: null,
      articleTitle: 'Nghĩa vụ, quyền của cha, mẹ không trực tiếp nuôi con sau khi ly hôn',
    };
    expect(statesSpouseSupport(spouses.text, spouses.leadIn, spouses.articleTitle)).toBe(true);
    expect(statesSpouseSupport(child.text, child.leadIn, child.articleTitle)).toBe(false);
    expect(asksChildSupportOnly('ly hôn rồi e nuôi con, ck cũ có phải đưa tiền hàng tháng cho con ko')).toBe(true);
    expect(asksChildSupportOnly('ly hôn em ốm đau không có tiền, chồng cũ có phải chu cấp cho vợ không')).toBe(false);
    expect(asksChildSupportOnly('ly hon roi chong cu co phai tro cap cho em khong')).toBe(false);
    const reading = { childSupportOnly: asksChildSupportOnly('bỏ nhau rồi bố nó có phải gửi tiền nuôi con không') };
    expect(otherCaseFactor(spouses, reading)).toBe(OTHER_CASE);
    expect(otherCaseFactor(child, reading)).toBe(1);
  });

  it('lowers a court’s no-contact order while it hears their case when she names no court, suit or divorce', () => {
    // PCBLGĐ Điều 26 khoản 1 and Điều 25 khoản 1 as the answerer reads them.
    const court = {
      text: 'Tòa án nhân dân đang thụ lý hoặc giải quyết vụ án dân sự giữa người bị bạo lực gia đình và người có hành vi bạo lực gia đình quyết định áp dụng biện pháp cấm tiếp xúc trong thời gian không quá 04 tháng khi có đủ các điều kiện sau đây:',
      leadIn: null,
      articleTitle: 'Cấm tiếp xúc theo quyết định của Tòa án',
    };
    const commune = {
      text: 'Chủ tịch Ủy ban nhân dân cấp xã nơi xảy ra hành vi bạo lực gia đình quyết định áp dụng biện pháp cấm tiếp xúc mỗi lần không quá 03 ngày trong các trường hợp sau đây:',
      leadIn: null,
      articleTitle: 'Cấm tiếp xúc theo quyết định của Chủ tịch Ủy ban nhân dân cấp xã',
    };
    expect(statesPendingCase(court.text, court.leadIn)).toBe(true);
    expect(statesPendingCase(commune.text, commune.leadIn)).toBe(false);
    expect(namesCourtCase('bị ck đánh, e muốn xin cấm ck lại gần e với con thì lên đâu xin')).toBe(false);
    expect(namesCourtCase('em đang nộp đơn ly hôn, muốn xin cấm chồng lại gần')).toBe(true);
    expect(namesCourtCase('toa dang xu vu an cua vo chong em')).toBe(true);
    expect(otherCaseFactor(court, { courtCaseNamed: false })).toBe(OTHER_CASE);
    expect(otherCaseFactor(court, { courtCaseNamed: true })).toBe(1);
    expect(otherCaseFactor(commune, { courtCaseNamed: false })).toBe(1);
  });
});

describe('a couple who never registered their marriage (HN&GĐ Điều 14)', () => {
  it('reads the case from the law’s words, in the unit or its article’s title', () => {
    expect(
      statesUnregisteredCase(
        'Nam, nữ có đủ điều kiện kết hôn theo quy định của Luật này chung sống với nhau như vợ chồng mà không đăng ký kết hôn thì không làm phát sinh quyền, nghĩa vụ giữa vợ và chồng.',
        null,
        'Giải quyết hậu quả của việc nam, nữ chung sống với nhau như vợ chồng mà không đăng ký kết hôn',
      ),
    ).toBe(true);
    expect(statesUnregisteredCase('Vợ chồng có nghĩa vụ sống chung với nhau, trừ trường hợp vợ chồng có thỏa thuận khác…', null, 'Tình nghĩa vợ chồng')).toBe(
      false,
    );
  });

  it('is not hers when she names her husband and no missing registration', () => {
    expect(namesRegisteredSpouse('ck e đi làm xa rồi ở luôn trong đó ko về, vợ chồng có phải sống chung ko')).toBe(true);
    expect(namesRegisteredSpouse('e với ck ko đăng ký kết hôn, giờ ck bỏ đi thì sao')).toBe(false);
    expect(namesRegisteredSpouse('ck e với e chưa cưới mà ở với nhau có con')).toBe(false);
    expect(namesRegisteredSpouse('vk ck chua dang ky ket hon, con khai sinh sao')).toBe(false);
    // No husband named: the unregistered couple's rule may be hers.
    expect(namesRegisteredSpouse('sống với anh ấy 5 năm có 2 con giờ chia tay')).toBe(false);
    const unit = { text: 'chung sống với nhau như vợ chồng mà không đăng ký kết hôn', leadIn: null, articleTitle: null };
    expect(otherCaseFactor(unit, { registeredSpouse: true })).toBe(OTHER_CASE);
    expect(otherCaseFactor(unit, { registeredSpouse: false })).toBe(1);
  });
});

describe('who joins social insurance (BHXH Điều 2)', () => {
  it('reads who joins from the law’s words, not a benefit conditioned on joining', () => {
    expect(
      statesInsuranceMembership(
        'Lao động là người giúp việc gia đình;',
        'Trường hợp không thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc bao gồm:',
        'Đối tượng tham gia bảo hiểm xã hội bắt buộc và bảo hiểm xã hội tự nguyện',
      ),
    ).toBe(true);
    // BHXH Điều 53 khoản 2: the husband's leave is conditioned on joining, not a rule on who joins.
    expect(
      statesInsuranceMembership(
        'Lao động nam đang tham gia bảo hiểm xã hội bắt buộc khi vợ sinh con được nghỉ việc hưởng chế độ thai sản với thời gian như sau:',
        null,
        'Thời gian nghỉ việc hưởng chế độ thai sản khi sinh con',
      ),
    ).toBe(false);
  });

  it('is not hers when she names no insurance and no contribution', () => {
    expect(namesNoInsurance('e đi giúp việc nhà cho người ta ở thành phố, có cần làm hợp đồng giấy tờ ko')).toBe(true);
    expect(namesNoInsurance('đi giúp việc nhà có được đóng bảo hiểm không')).toBe(false);
    expect(namesNoInsurance('lam giup viec co phai dong bhxh ko')).toBe(false);
    expect(namesNoInsurance('làm thời vụ 2 tháng có phải đóng không')).toBe(false);
    const unit = {
      text: 'Lao động là người giúp việc gia đình;',
      leadIn: 'Trường hợp không thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc bao gồm:',
      articleTitle: null,
    };
    expect(otherCaseFactor(unit, { noInsurance: true })).toBe(OTHER_CASE);
    expect(otherCaseFactor(unit, { noInsurance: false })).toBe(1);
  });
});

describe('support owed to or by many people (HN&GĐ Điều 108, 109)', () => {
  it('reads the case from the law’s words', () => {
    expect(
      statesSupportOfMany(
        'Trong trường hợp một người có nghĩa vụ cấp dưỡng cho nhiều người thì người cấp dưỡng và những người được cấp dưỡng thỏa thuận với nhau…',
        null,
        'Một người cấp dưỡng cho nhiều người',
      ),
    ).toBe(true);
    expect(statesSupportOfMany('Mức cấp dưỡng do người có nghĩa vụ cấp dưỡng và người được cấp dưỡng… thỏa thuận…', null, 'Mức cấp dưỡng')).toBe(false);
  });

  it('is not hers when she names one child and one payer', () => {
    expect(namesNoMany('ck cũ phải đưa bao nhiêu tiền nuôi con 1 tháng, ai quyết mức đó mn')).toBe(true);
    expect(namesNoMany('ck cũ phải nuôi 2 đứa con thì mỗi đứa bao nhiêu')).toBe(false);
    expect(namesNoMany('chồng cũ có vợ mới con mới thì tiền nuôi con cũ tính sao')).toBe(false);
    expect(namesNoMany('anh em trong nhà cùng góp tiền nuôi mẹ thì chia sao')).toBe(false);
    const unit = { text: 'một người có nghĩa vụ cấp dưỡng cho nhiều người', leadIn: null, articleTitle: null };
    expect(otherCaseFactor(unit, { noManyInSupport: true })).toBe(OTHER_CASE);
    expect(otherCaseFactor(unit, { noManyInSupport: false })).toBe(1);
  });
});
