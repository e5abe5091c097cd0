import { describe, expect, it } from 'vitest';
import type { AnswerInput } from '../server/answer/answerer.js';
import { ExtractiveAnswerer } from '../server/answer/extractive.js';
import { asksFineAlone, asksList, asksSanction, statesPrison, statesSanction, unitAsked, wantsOf } from '../server/answer/plain/intent.js';
import { scoreUnits } from '../server/answer/plain/units.js';
import { respond } from '../server/chat/respond.js';
import { agesNamed } from '../server/answer/plain/ages.js';
import { contributionMonthsNamed, statesContributionNamed } from '../server/answer/plain/contributions.js';
import { contractMonthsNamed, statesContractNamed } from '../server/answer/plain/contract.js';
import { asksUndoing, statesUndoing } from '../server/answer/plain/undo.js';
import { namesMan, statesHusbandsRule } from '../server/answer/plain/husband.js';
import { namesSurrogacy, statesSurrogacyCase } from '../server/answer/plain/surrogacy.js';
import { asksPersons, listsPersons } from '../server/answer/plain/persons.js';
import { saysNoWill, statesWillCase } from '../server/answer/plain/will.js';
import { namesLaterKin, statesLaterRanks } from '../server/answer/plain/heirs.js';
import { statesChildCareCase } from '../server/answer/plain/child-care.js';
import { asksEntitlement, asksMeaning, asksPermission, definesWords } from '../server/answer/plain/definition.js';
import { asksBirthNotIllness, asksIllnessNotBirth, statesMaternityCase, statesSicknessCase } from '../server/answer/plain/sickness.js';
import { asksExclusion, statesExclusion } from '../server/answer/plain/exclusion.js';
import { periodsNamed, statesPeriodNamed } from '../server/answer/plain/period.js';
import { whatToDo } from '../server/answer/plain/what-to-do.js';
import { analyzeQuery, standardWords } from '../server/retrieval/query.js';
import { bundledServices } from './helpers/app.js';
import type { ArticleHit } from '../server/retrieval/retriever.js';
import { articleHit } from './helpers/article-hits.js';
import type { ArticleNote } from '../server/retrieval/index/corpus-index.js';

/**
 * The offline answerer on hand-made hits (it reads no store): which articles it states, which
 * it names under "Xem thêm", and that no article retrieval found near the top is left out.
 */

const hit = (article: string, title: string, clauses: string[], score: number, notes: ArticleNote[] = []) =>
  articleHit(article, title, clauses, score, { notes });

const meaning = (text: string, clause: string | null = '1'): ArticleNote => ({ kind: 'meaning', clause, point: null, text });
const ask = (text: string, clause: string | null = '1'): ArticleNote => ({ kind: 'ask', clause, point: null, text });

function input(hits: ArticleHit[], question: string, weights: Record<string, number>, kind: AnswerInput['kind'] = 'answer'): AnswerInput {
  return {
    question,
    resolvedQuestion: question,
    hits,
    termWeights: weights,
    nextSteps: [],
    nextStepWeights: {},
    history: [],
    kind,
    topics: [],
    legalAidPhone: '',
  };
}

const articlesOf = (citations: { article: string }[]) => citations.map((c) => c.article);
const beforeSeeAlso = (answer: string) => answer.split('\nXem thêm:')[0]!;

// One long plain sentence: two of them do not fit the ~120 words before "Xem thêm".
const long = (subject: string) => `${subject} ${'được pháp luật bảo vệ và có quyền yêu cầu cơ quan có thẩm quyền giải quyết theo quy định '.repeat(5)}`.trim();

describe('offline answer (server/answer/extractive.ts)', () => {
  const weights = { luong: 2, giu: 1.5, chong: 1, kinhte: 1, 'giu luong': 2 };
  const first = hit('3', 'Hành vi bạo lực', ['Chồng giữ lương của vợ, kiểm soát thu nhập là bạo lực về kinh tế.'], 1.2, [
    meaning(long('Chồng giữ hết lương của vợ là bạo lực về kinh tế, vợ')),
    ask('chồng giữ hết lương'),
  ]);
  const second = hit('44', 'Phạt hành vi bạo lực về kinh tế', ['Phạt tiền chồng giữ hết lương của vợ, kiểm soát thu nhập là bạo lực về kinh tế.'], 1.1, [
    meaning(long('Chồng giữ hết lương của vợ có thể bị phạt tiền, vợ')),
    ask('chồng giữ hết lương'),
  ]);
  const others = ['5', '6', '7'].map((a, i) => hit(a, `Điều khác ${a}`, ['Quy định khác về gia đình.'], 0.9 - i * 0.1));

  it('names a second statement that does not fit one screen under "Xem thêm" instead of dropping it', async () => {
    const out = await new ExtractiveAnswerer({ LEGAL_AID_PHONE: '' }).answer(
      input([first, second, ...others], 'chồng giữ hết lương của em có sai không', weights),
    );
    expect(out.citations[0]).toMatchObject({ article: '3', clause: '1' });
    // The second article's sentence would pass the word budget: it is named, not stated.
    expect(beforeSeeAlso(out.answer)).not.toContain('bị phạt tiền');
    expect(out.answer.split('\nXem thêm:')[1]).toContain('Điều 44 Luật thử 2020');
    expect(articlesOf(out.citations)).toEqual(['3', '44', '5', '6', '7']);
  });

  it('asked only where, leads with the statement naming the office, the rule second', async () => {
    // Hộ tịch Điều 26 and 27 in miniature: the first says a name may be changed, the second where.
    const change = hit('26', 'Phạm vi thay đổi hộ tịch', ['Thay đổi họ, chữ đệm và tên của cá nhân trong nội dung khai sinh đã đăng ký.'], 1.1, [
      meaning('Được đổi họ, chữ đệm, tên trong khai sinh.'),
      ask('muốn đổi tên cho con có được không'),
    ]);
    const where = hit(
      '27',
      'Thẩm quyền đăng ký thay đổi hộ tịch',
      ['Ủy ban nhân dân cấp xã nơi cư trú của cá nhân có thẩm quyền giải quyết việc thay đổi hộ tịch cho người chưa đủ 14 tuổi.'],
      0.95,
      [meaning('Ủy ban nhân dân xã nơi đang cư trú sửa, đổi họ, tên cho người chưa đủ 14 tuổi.')],
    );
    const w = { doi: 2, ten: 2, doiten: 3, con: 1, cho: 0.3 };
    const answerer = new ExtractiveAnswerer({ LEGAL_AID_PHONE: '' });
    const asked = await answerer.answer(input([change, where, ...others], 'đổi tên cho con ở đâu', w));
    expect(asked.citations.slice(0, 2).map((c) => c.article)).toEqual(['27', '26']);
    expect(asked.answer.split('\n')[0]).toContain('Ủy ban nhân dân xã nơi đang cư trú');
    // Asked in the North-Central word for "đâu", or in phone shorthand, as retrieval reads them.
    const mo = await answerer.answer(input([change, where, ...others], 'đổi tên cho con ở mô', w));
    expect(mo.citations.slice(0, 2).map((c) => c.article)).toEqual(['27', '26']);
    expect(beforeSeeAlso(mo.answer)).toContain('Ủy ban nhân dân xã nơi đang cư trú');
    expect(standardWords('phạt bn, làm ở mô, ck e')).toBe('phạt bao nhiêu, làm ở đâu, chồng em');
    // "mô" inside a standard word stays as typed.
    expect(standardWords('mô hình nuôi con')).toBe('mô hình nuôi con');
    // Asked whether, not where: the place is named under "Xem thêm", not stated.
    const whether = await answerer.answer(input([change, where, ...others], 'đổi tên cho con có được không', w));
    expect(whether.citations[0]!.article).toBe('26');
    expect(beforeSeeAlso(whether.answer)).not.toContain('Ủy ban nhân dân xã nơi đang cư trú');
  });

  it('states an emergency answer from the best articles only but names the others', async () => {
    const out = await new ExtractiveAnswerer({ LEGAL_AID_PHONE: '' }).answer(
      input([others[0]!, others[1]!, first, others[2]!], 'chồng giữ hết lương của em', weights, 'emergency'),
    );
    // The article fitting best (ranked third) is not stated in an emergency: only the first two are read.
    expect(['5', '6']).toContain(out.citations[0]!.article);
    expect(beforeSeeAlso(out.answer)).not.toContain('bạo lực về kinh tế');
    expect(articlesOf(out.citations).sort()).toEqual(['3', '5', '6', '7']);
  });
});

describe('which article the offline answer leads with', () => {
  const weights = { chong: 1, danh: 2, vo: 1, danhvo: 2 };
  // A rule (what the law forbids) and a sanction (the fine for it), equally close to her words.
  const rule = hit('5', 'Hành vi bị nghiêm cấm', ['Nghiêm cấm chồng đánh vợ, hành hạ vợ.'], 1.0);
  const fine = hit('37', 'Hành vi đánh đập', ['Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với chồng đánh vợ.'], 1.0);
  const prison = hit('185', 'Tội hành hạ', ['Người nào đánh vợ, hành hạ vợ thì bị phạt tù từ 03 tháng đến 02 năm.'], 1.0);
  const lead = (hits: ArticleHit[], q: string) => scoreUnits(hits, weights, wantsOf(q))[0]!.hit.article;

  it('asked about prison, leads with the offence stating it even third in retrieval, not a fine "chưa đến mức truy cứu"', () => {
    expect(statesPrison('Người nào đối xử tồi tệ … thì bị phạt cảnh cáo, phạt cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 tháng đến 03 năm')).toBe(
      true,
    );
    expect(statesPrison('thì bị truy cứu trách nhiệm hình sự')).toBe(true);
    // A decree's fine for an act that is not a crime, and a rule sparing someone, state no prison.
    expect(statesPrison('Phạt tiền từ 20.000.000 đồng đến 30.000.000 đồng đối với hành vi mà chưa đến mức truy cứu trách nhiệm hình sự')).toBe(false);
    expect(statesPrison('Người bị mua bán không bị truy cứu trách nhiệm hình sự về hành vi do bị ép buộc')).toBe(false);
    // Nor does she ask about prison when she says it is not at stake.
    expect(wantsOf('chồng phang vợ chảy máu đầu, không đến mức đi tù thì bị phạt bao nhiêu')).not.toContain('prison');
    expect(wantsOf('chong phang vo chay mau dau, chua toi muc truy cuu thi bi phat bao nhieu')).not.toContain('prison');
    expect(wantsOf('chồng phang vợ chảy máu đầu thì có bị đi tù không')).toContain('prison');
    // Whether his offence weighs more (a pregnant wife, a child) asks the sentence; "tôi" folds like "tội" and asks nothing.
    expect(wantsOf('ck e dap e trong luc e dang co bau 7 thang, toi cua ck co nang hon ko')).toContain('prison');
    expect(wantsOf('đánh vợ đang mang thai thì có bị xử nặng hơn không')).toContain('prison');
    expect(wantsOf('tôi bị ốm nặng hơn sau khi sinh, có được nghỉ thêm không')).not.toContain('prison');
    // A period told ("mấy tháng nay", "mấy năm qua") says how long it has gone on; "mấy tháng" alone asks.
    expect(wantsOf('ck cũ ko gửi tiền nuôi con mấy tháng nay rồi')).not.toContain('duration');
    expect(wantsOf('bi chong bao hanh may nam nay, muon ly hon')).not.toContain('duration');
    expect(wantsOf('chồng nhốt em trong nhà mấy ngày liền')).not.toContain('duration');
    expect(wantsOf('nghỉ đẻ được mấy tháng')).toContain('duration');
    expect(unitAsked('ck cũ ko gửi tiền nuôi con mấy tháng nay rồi, con em nghỉ học mấy ngày')).toBe('ngày');
    // Whether he can be fined at all, or under which rule, asks a sanction as "bị phạt không" does.
    expect(wantsOf('ck nhốt e trong nhà mấy hôm, phạt đc ko')).toContain('penalty');
    expect(wantsOf('chồng bỏ mặc vợ bầu không đưa đi khám, có phạt được không')).toContain('penalty');
    expect(wantsOf('ép con dâu ly hôn thì phạt theo quy định nào')).toContain('penalty');
    expect(wantsOf('chồng đuổi vợ ra khỏi nhà, xã có xử phạt được không')).toContain('penalty');
    expect(wantsOf('chồng giữ hết lương của vợ có được không')).not.toContain('penalty');
    const w = { con: 1, bo: 1, mac: 1, bomac: 2, me: 1, gia: 1, nuoi: 1 };
    const rule = hit(
      '71',
      'Nghĩa vụ chăm sóc, nuôi dưỡng',
      ['Con có nghĩa vụ chăm sóc, nuôi dưỡng cha mẹ, nhất là khi cha mẹ già yếu; không được bỏ mặc.'],
      1.0,
    );
    const fine = hit(
      '38',
      'Hành vi bỏ mặc',
      ['Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi bỏ mặc, không nuôi dưỡng cha mẹ già mà chưa đến mức truy cứu trách nhiệm hình sự.'],
      0.93,
    );
    const offence = hit('185', 'Tội ngược đãi', ['Người nào bỏ mặc cha mẹ thì bị phạt tù từ 06 tháng đến 03 năm.'], 0.75);
    const first = (q: string) => scoreUnits([rule, fine, offence], w, wantsOf(q))[0]!.hit.article;
    expect(first('con cái bỏ mặc mẹ già không nuôi thì có bị đi tù không')).toBe('185');
    expect(first('con cái bỏ mặc mẹ già không nuôi thì có bị phạt hành chính không')).toBe('38');
    expect(first('con cái bỏ mặc mẹ già không nuôi có sai luật không')).toBe('71');
  });

  it('asked no sanction, the fine and the offence found first take no place before the rule behind them', () => {
    const w = { con: 1, nuoi: 1, tien: 1, capduong: 3, cap: 1, duong: 1 };
    const fine = hit(
      '43',
      'Vi phạm quy định về cấp dưỡng',
      ['Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi từ chối, trốn tránh cấp dưỡng nuôi con sau ly hôn.'],
      1.0,
    );
    const offence = hit(
      '186',
      'Tội từ chối hoặc trốn tránh nghĩa vụ cấp dưỡng',
      ['Người nào từ chối cấp dưỡng nuôi con thì bị phạt tù từ 03 tháng đến 02 năm.'],
      0.99,
    );
    const rule = hit('110', 'Nghĩa vụ cấp dưỡng của cha, mẹ đối với con', ['Cha, mẹ có nghĩa vụ cấp dưỡng cho con khi không sống chung với con.'], 0.9);
    const first = (q: string) => scoreUnits([fine, offence, rule], w, wantsOf(q))[0]!.hit.article;
    expect(first('chồng cũ không gửi tiền cấp dưỡng nuôi con, em phải làm sao')).toBe('110');
    expect(first('chồng cũ không gửi tiền cấp dưỡng nuôi con có bị phạt không')).toBe('43');
    expect(first('chồng cũ không gửi tiền cấp dưỡng nuôi con có bị đi tù không')).toBe('186');
  });

  it('reads whether she asks what happens to the wrongdoer, and whether prison', () => {
    expect(wantsOf('chồng đánh vợ có bị phạt không')).toContain('penalty');
    expect(wantsOf('chong danh vo co bi di tu khong')).toEqual(['prison']);
    // "bị phạt tù" asks about prison, not an amount of money.
    expect(wantsOf('đánh vợ có bị phạt tù không')).not.toContain('amount');
    expect(asksSanction(wantsOf('chồng đánh vợ có sai luật không'))).toBe(false);
    // Naming an offence asks about the Criminal Code; "tôi" (I) and "tội nghiệp" (pity) do not.
    expect(wantsOf('Tội ngược đãi ông bà, cha mẹ là gì?')).toEqual(['prison']);
    expect(wantsOf('tôi bị chồng đánh, con bé tội nghiệp lắm')).toEqual([]);
    // "Các hình thức xử lý vi phạm …" asks about sanctions in a textbook's words.
    expect(asksSanction(wantsOf('Các hình thức xử lý vi phạm pháp luật về bình đẳng giới như thế nào?'))).toBe(true);
    // "bị xử thế nào", "bắt được thì xử ra sao" ask what happens to him; "em nên xử thế nào" asks what to do.
    expect(asksSanction(wantsOf('người bán trẻ sơ sinh bắt được thì xử thế nào'))).toBe(true);
    expect(asksSanction(wantsOf('nguoi do bi xu ra sao'))).toBe(true);
    expect(asksSanction(wantsOf('ck ngoại tình, em nên xử thế nào cho khéo'))).toBe(false);
  });

  it('hears where and prison as members ask them', () => {
    // "lên đâu", "lên xã nào" ask where as "ở đâu" does; "có bị tội không" asks about the Criminal Code.
    expect(wantsOf('giay khai sinh ghi sai ngay sinh, muon sua lai thi len dau')).toContain('where');
    expect(wantsOf('đổi tên cho con thì lên xã nào hay lên huyện')).toContain('where');
    expect(wantsOf('làm giấy khai sinh cho con làm ở đâu')).toContain('where');
    // Going back to her home commune: "về xã nào", "về huyện nào" ask where as "lên xã nào" does.
    expect(wantsOf('quê anh ở Thanh Hóa, đăng ký kết hôn thì về xã nào làm')).toContain('where');
    expect(wantsOf('khai tu cho me thi ve huyen nao')).toContain('where');
    expect(wantsOf('chu tro danh dap nguoi lam thue suot, co bi toi ko')).toEqual(['prison']);
    // Not every "đâu" asks for a place.
    expect(wantsOf('chồng đánh em đau lắm, em không biết làm sao')).not.toContain('where');
  });

  it('reads a person serving a prison sentence as whom a rule is about, not a sentence it imposes', () => {
    expect(statesSanction('Trẻ em có cả cha và mẹ đang chấp hành án phạt tù tại trại giam')).toBe(false);
    expect(statesPrison('c) Đang chấp hành hình phạt tù;')).toBe(false);
    expect(statesPrison('Chậm nhất là 02 tháng trước khi trẻ em chấp hành xong hình phạt tù')).toBe(false);
    // A sentence the rule imposes still states one.
    expect(statesSanction('thì bị phạt tù từ 06 tháng đến 03 năm')).toBe(true);
    expect(statesPrison('Người nào … thì bị phạt tù từ 01 năm đến 05 năm')).toBe(true);
  });

  it('hears prison told as a fact of her life as no question about prison', () => {
    expect(wantsOf('chồng đi tù 10 năm, em có được ly hôn luôn không')).not.toContain('prison');
    expect(wantsOf('chồng đang đi tù thì ly hôn thế nào')).not.toContain('prison');
    expect(wantsOf('anh ấy mới ra tù rồi có được nuôi con không')).not.toContain('prison');
    // Asked, with or without a number: prison.
    expect(wantsOf('đánh vợ thì đi tù mấy năm')).toContain('prison');
    expect(wantsOf('có phải đi tù 3 năm không')).toContain('prison');
    expect(wantsOf('chồng đang đi tù, giờ lại đánh con thì có bị đi tù nữa không')).toContain('prison');
  });

  it('asked for a list, leads with the khoản opening it, quoted with its điểm, not with one điểm', () => {
    expect(asksList('nhận con nuôi thì cần điều kiện gì')).toBe(true);
    expect(asksList('ho so ly hon gom nhung gi')).toBe(true);
    expect(asksList('những ai được hưởng thừa kế')).toBe(true);
    expect(asksList('điều kiện kết hôn theo luật HNGĐ')).toBe(true);
    expect(asksList('điều kiện nhận con nuôi là gì')).toBe(true);
    // "không có điều kiện" is having no means, not a list asked.
    expect(asksList('em không có điều kiện nuôi con thì sao')).toBe(false);
    expect(asksList('nhận con nuôi phải hơn con bao nhiêu tuổi')).toBe(false);
    expect(asksList('chồng đánh vợ thì bị phạt gì')).toBe(false);
    const adopt = hit('14', 'Điều kiện đối với người nhận con nuôi', [], 1, [
      { kind: 'meaning', clause: null, point: null, text: 'Người nhận con nuôi phải hơn con từ 20 tuổi, đủ sức khỏe, kinh tế, chỗ ở.' },
      { kind: 'meaning', clause: '1', point: 'b', text: 'Người nhận con nuôi phải hơn con nuôi từ 20 tuổi trở lên.' },
      { kind: 'ask', clause: '1', point: 'b', text: 'nhận con nuôi phải hơn con bao nhiêu tuổi' },
    ]);
    adopt.text = [
      'Điều 14. Điều kiện đối với người nhận con nuôi',
      '1. Người nhận con nuôi phải có đủ các điều kiện sau đây:',
      'a) Có năng lực hành vi dân sự đầy đủ;',
      'b) Hơn con nuôi từ 20 tuổi trở lên;',
      'c) Có điều kiện về sức khỏe, kinh tế, chỗ ở bảo đảm việc chăm sóc, nuôi dưỡng con nuôi.',
    ].join('\n');
    const w = { nhan: 1, con: 1, nuoi: 1, can: 0.5, dieu: 1, kien: 1, nhancon: 1, connuoi: 1, dieukien: 1, hon: 1, tuoi: 1 };
    const first = (q: string) => scoreUnits([adopt], w, wantsOf(q), undefined, { listAsked: asksList(q) })[0]!;
    const list = first('nhận con nuôi thì cần điều kiện gì');
    expect([list.clause, list.point]).toEqual(['1', null]);
    expect(list.continuation).toMatch(/^a\) Có năng lực.*b\) Hơn con nuôi.*c\) Có điều kiện/);
    const one = first('nhận con nuôi phải hơn con bao nhiêu tuổi');
    expect([one.clause, one.point]).toEqual(['1', 'b']);
  });

  it('asked for a number of minutes or days, leads with the khoản stating it in that unit', () => {
    const w = { nghi: 1, ngay: 1, con: 1, thang: 1, lam: 1, viec: 1, moi: 1, nam: 1, phep: 1 };
    const leadFor = (q: string, hits: ArticleHit[]) => {
      const u = scoreUnits(hits, w, wantsOf(q), undefined, { unit: unitAsked(q) })[0]!;
      return `${u.hit.article}.${u.clause}`;
    };
    const care = hit(
      '137',
      'Bảo vệ thai sản',
      [
        'Lao động nữ làm việc nặng nhọc khi mang thai được giảm bớt 01 giờ làm việc hằng ngày mà không bị cắt lương cho đến khi con đủ 12 tháng tuổi.',
        'Lao động nữ nuôi con dưới 12 tháng tuổi được nghỉ mỗi ngày 60 phút trong thời gian làm việc.',
      ],
      1,
    );
    expect(wantsOf('con dưới 12 tháng thì mẹ đi làm được nghỉ mỗi ngày bao nhiêu phút')).toContain('duration');
    expect(unitAsked('lam them toi da bao nhieu tieng')).toBe('giờ');
    // An age in months is no unit asked.
    expect(unitAsked('con mấy tháng tuổi thì được đi nhà trẻ')).toBeNull();
    expect(leadFor('con dưới 12 tháng thì mẹ đi làm được nghỉ mỗi ngày bao nhiêu phút', [care])).toBe('137.2');
    const leave = hit(
      '113',
      'Nghỉ hằng năm',
      [
        'Người lao động làm việc đủ 12 tháng thì được nghỉ 12 ngày làm việc.',
        'Người lao động làm việc chưa đủ 12 tháng thì số ngày nghỉ hằng năm theo tỷ lệ tương ứng với số tháng làm việc.',
      ],
      1,
    );
    expect(leadFor('làm đủ năm thì nghỉ phép năm được mấy ngày', [leave])).toBe('113.1');
  });

  it('answers a fine asked for alone with the fine, not with a sentence of prison', () => {
    expect(asksSanction(wantsOf('chồng cũ không đưa tiền nuôi con, có phạt hành chính được không'))).toBe(true);
    expect(asksFineAlone('có phạt hành chính được không')).toBe(true);
    expect(asksFineAlone('có bị phạt không')).toBe(false);
    expect(asksFineAlone('phạt tiền hay đi tù')).toBe(false);
    // A fine already given is the Criminal Code's condition, not a fine asked for.
    expect(asksFineAlone('bị phạt hành chính rồi chồng vẫn đánh vợ thì sao')).toBe(false);
    expect(asksFineAlone('đã bị xử phạt hành chính mà vẫn sống chung với bồ có bị phạt nữa không')).toBe(false);
    // The Criminal Code's khoản (prison, and the fine it names) ranks first and shares her words most.
    const code = hit(
      '186',
      'Tội từ chối, trốn tránh nghĩa vụ cấp dưỡng',
      ['Người nào trốn tránh cấp dưỡng, đã bị xử phạt vi phạm hành chính mà còn vi phạm, thì bị phạt cảnh cáo hoặc phạt tù từ 03 tháng đến 02 năm.'],
      1.0,
    );
    const decree = hit('43', 'Vi phạm quy định về cấp dưỡng', ['Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi trốn tránh cấp dưỡng.'], 0.95);
    // A rule naming criminal liability beside the fine is not a sentence of prison.
    const rule = hit('41', 'Xử lý vi phạm', ['Người trốn tránh cấp dưỡng thì bị xử phạt vi phạm hành chính hoặc truy cứu trách nhiệm hình sự.'], 0.95);
    const w = { tron: 1, tranh: 1, trontranh: 1, cap: 1, duong: 1, capduong: 2, phat: 1 };
    const first = (hits: ArticleHit[], q: string) => scoreUnits(hits, w, wantsOf(q), undefined, { fineAlone: asksFineAlone(q) })[0]!.hit.article;
    expect(first([code, decree], 'trốn cấp dưỡng có phạt hành chính được không')).toBe('43');
    expect(first([code, decree], 'trốn cấp dưỡng có bị đi tù không')).toBe('186');
    expect(first([code, rule], 'trốn cấp dưỡng có phạt hành chính được không')).toBe('41');
  });

  it('does not count a member ask for another kind of answer as her question', () => {
    // The decree's khoản is asked about in her very words, but about the fine; the rule's ask
    // shares fewer of them. Asked whether it is against the law, the rule answers.
    const w = { chong: 1, giu: 1, het: 0.5, luong: 2, giuhet: 1, hetluong: 2, vo: 1, xin: 1 };
    const decree = hit('44', 'Vi phạm quy định về phòng, chống bạo lực gia đình', ['Kiểm soát thu nhập của thành viên gia đình.'], 1.0, [
      ask('chồng giữ hết lương của vợ bị phạt bao nhiêu'),
    ]);
    const rule = hit('3', 'Hành vi bạo lực gia đình', ['Kiểm soát tài sản, thu nhập của thành viên gia đình.'], 0.97, [ask('chồng cầm tiền để vợ phải xin')]);
    expect(scoreUnits([decree, rule], w, wantsOf('chồng giữ hết lương của vợ, có sai luật không'))[0]!.hit.article).toBe('3');
    expect(scoreUnits([decree, rule], w, wantsOf('chồng giữ hết lương của vợ thì bị phạt bao nhiêu'))[0]!.hit.article).toBe('44');
  });

  it('leads with the khoản setting a period of paying when she names how long she has paid', () => {
    // Luật BHXH 2024 Điều 50 in miniature: the khoản on leaving work before the birth shares more
    // of her words than the six-month threshold she asks about.
    const leave = hit(
      '50',
      'Điều kiện hưởng chế độ thai sản',
      [
        'Lao động nữ sinh con được hưởng chế độ thai sản.',
        'Lao động nữ sinh con phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trở lên trong thời gian 12 tháng liền kề trước khi sinh con.',
        'Lao động nữ đủ điều kiện mà nghỉ việc trước khi sinh con thì vẫn được hưởng chế độ thai sản khi sinh con.',
      ],
      1.0,
    );
    const w = (q: string) => {
      const a = analyzeQuery(q);
      return Object.fromEntries([...a.terms, ...a.pairs, ...a.expansionTerms].map((t) => [t, 1]));
    };
    const clauseFor = (q: string) => scoreUnits([leave], w(q), wantsOf(q), undefined, { contributionMonths: contributionMonthsNamed(q) })[0]!.clause;
    expect(clauseFor('đóng bhxh được 5 tháng thì sinh con có được hưởng thai sản không')).toBe('2');
    expect(clauseFor('e dong bh dc 8 thang thi sinh con co duoc huong thai san ko')).toBe('2');
    expect(contributionMonthsNamed('đã đóng bảo hiểm xã hội 20 năm')).toEqual([240]);
    expect(contributionMonthsNamed('làm được 5 tháng thì nghỉ')).toEqual([]);
    expect(statesContributionNamed('có thời gian đóng bảo hiểm xã hội từ đủ 15 năm trở lên', [240])).toBe('holds');
    expect(statesContributionNamed('phải đóng bảo hiểm xã hội bắt buộc từ đủ 06 tháng trở lên', [5])).toBe('other');
  });

  it('leads with the khoản for the age she names, and with a threshold she is outside when no khoản holds her age', () => {
    // Custody (HN&GĐ Điều 81 in miniature): the court's rule names children from 7, the next
    // khoản children under 36 months; the first shares more of her words.
    const custody = hit(
      '81',
      'Nuôi con sau khi ly hôn',
      [
        'Vợ chồng thỏa thuận người trực tiếp nuôi con; không thỏa thuận được thì Tòa án quyết định giao con cho một bên trực tiếp nuôi, nếu con từ đủ 07 tuổi trở lên thì phải xem xét nguyện vọng của con.',
        'Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi.',
      ],
      1.0,
    );
    const w = { ly: 1, hon: 1, lyhon: 1, con: 1, ai: 0.5, nuoi: 1, connuoi: 0.5, tuoi: 0.5 };
    const clauseFor = (q: string) => scoreUnits([custody], w, wantsOf(q), undefined, { ages: agesNamed(q) })[0]!.clause;
    expect(clauseFor('ly hôn thì ai nuôi con')).toBe('1');
    expect(clauseFor('ly hôn thì con 2 tuổi ai nuôi')).toBe('2');
    expect(clauseFor('ly hôn thì con 9 tuổi ai nuôi')).toBe('1');
    // Marriage age: no khoản holds 15, so the threshold she is below is not lowered: it answers.
    const age = hit('8', 'Điều kiện kết hôn', ['Nữ từ đủ 18 tuổi trở lên mới được kết hôn.', 'Việc kết hôn do nam và nữ tự nguyện quyết định.'], 1.0);
    const wm = { con: 1, gai: 1, tuoi: 1, ket: 1, hon: 1, kethon: 1 };
    const q = 'con gái 15 tuổi có được kết hôn không';
    const threshold = (opts: { ages?: number[] }) => scoreUnits([age], wm, wantsOf(q), undefined, opts).find((u) => u.clause === '1')!.score;
    expect(threshold({ ages: agesNamed(q) })).toBe(threshold({}));
    expect(scoreUnits([age], wm, wantsOf(q), undefined, { ages: agesNamed(q) })[0]!.clause).toBe('1');
  });

  it('asked who, leads with the khoản naming the persons, not the one saying when (persons.ts)', () => {
    expect(listsPersons('Hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, con đẻ, con nuôi của người chết;')).toBe(true);
    expect(listsPersons('Hàng thừa kế thứ hai gồm: ông nội, bà nội, ông ngoại, bà ngoại, anh ruột, chị ruột, em ruột của người chết')).toBe(true);
    // "người" is someone, not who; three kin are a couple and their child, not a list.
    expect(listsPersons('Những người được chỉ định làm người thừa kế theo di chúc mà không có quyền hưởng di sản')).toBe(false);
    expect(listsPersons('Vợ, chồng thỏa thuận về người trực tiếp nuôi con')).toBe(false);
    expect(listsPersons('Cô lập, giam cầm thành viên gia đình; cụ thể')).toBe(false);
    expect(asksPersons('không để lại di chúc thì ai được hưởng')).toBe(true);
    expect(asksPersons('nhung nguoi nao duoc chia')).toBe(true);
    expect(asksPersons('tranh chấp đất thì ai giải quyết')).toBe(false);
    // BLDS Điều 650 and 651 in miniature: retrieval ranks the article saying when first, and it
    // shares more of her words.
    const when = hit(
      '650',
      'Những trường hợp thừa kế theo pháp luật',
      ['Thừa kế theo pháp luật được áp dụng khi không có di chúc hoặc những người thừa kế theo di chúc chết trước người lập di chúc.'],
      1.0,
    );
    const who = hit('651', 'Người thừa kế theo pháp luật', ['Hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, con đẻ, con nuôi của người chết.'], 0.99, [
      meaning('Vợ, chồng, cha mẹ, con của người chết được hưởng thừa kế trước tiên.'),
    ]);
    const w = { di: 1, chuc: 1, dichuc: 2, duoc: 0.5, huong: 1, duochuong: 1, thua: 1, ke: 1, thuake: 1, khong: 0.3, ai: 0.5 };
    const first = (q: string) => scoreUnits([when, who], w, wantsOf(q), undefined, { personsAsked: asksPersons(q) })[0]!.hit.article;
    expect(first('bố em mất không để lại di chúc thì ai được hưởng thừa kế')).toBe('651');
    expect(first('me em mat khong co di chuc thi nhung nguoi nao duoc huong thua ke')).toBe('651');
    // Not asked who: retrieval's order stands.
    expect(first('bố em mất không để lại di chúc thì chia thừa kế thế nào')).toBe('650');
  });

  it('reads how her pay is counted as asking an amount, and "được bao nhiêu ngày" as a duration only', () => {
    expect(wantsOf('làm thêm đến 1 giờ sáng thì lương tính sao')).toContain('amount');
    expect(wantsOf('tien tang ca ngay le tinh the nao')).toContain('amount');
    expect(wantsOf('nghỉ thai sản thì tiền thai sản tính như thế nào')).toContain('amount');
    // "tính sao" alone is what to do, not money.
    expect(wantsOf('chồng bỏ đi rồi giờ em tính sao')).not.toContain('amount');
    expect(wantsOf('xã cấm chồng lại gần em được bao nhiêu ngày')).toEqual(['duration']);
    expect(wantsOf('nghỉ dưỡng sức được bao nhiêu tiền')).toContain('amount');
  });

  it('when an article considered states a range holding her age, a khoản stating no age counts less', () => {
    // Nuôi con nuôi Điều 5 (the order of priority among relatives) and Điều 8 khoản 2 (who may adopt a
    // child of 16 to 18) in miniature: the order shares more of her words and retrieval ranks it first.
    const order = hit('5', 'Thứ tự ưu tiên', ['Ưu tiên cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi.'], 1.0);
    const age = hit('8', 'Người được nhận làm con nuôi', ['Người từ đủ 16 tuổi đến dưới 18 tuổi được cô, cậu, dì, chú, bác ruột nhận làm con nuôi.'], 0.95);
    const w = { chau: 1, di: 1, ruot: 1, diruot: 2, nhan: 1, con: 0.5, nuoi: 1, connuoi: 2, nhanlam: 2, lamcon: 1, uu: 1, tien: 1 };
    const first = (q: string) => scoreUnits([order, age], w, wantsOf(q), undefined, { ages: agesNamed(q) })[0]!.hit.article;
    expect(first('cháu 17 tuổi, dì ruột muốn nhận làm con nuôi có được không')).toBe('8');
    // No age named: retrieval's order stands.
    expect(first('dì ruột muốn nhận cháu làm con nuôi có được không')).toBe('5');
  });

  it('asked who receives the estate ("chia cho ai", "về tay ai"), reads it as asking for the persons', () => {
    expect(asksPersons('mẹ mất thì mảnh đất ở quê chia cho ai')).toBe(true);
    expect(asksPersons('ong mat roi thi nha dat ve tay ai')).toBe(true);
    expect(asksPersons('căn nhà bố để lại thuộc về ai')).toBe(true);
    expect(wantsOf('ong mat roi thi nha dat ve tay ai')).toContain('who');
    // An office, not kin: where to report.
    expect(asksPersons('bị chồng đánh thì báo cho ai')).toBe(false);
    // Custody asks which parent, not a list of kin; a duty to keep someone asks which relatives.
    expect(asksPersons('ly hôn thì ai được nuôi con')).toBe(false);
    expect(asksPersons('bố mẹ mất hết thì ai phải nuôi bà')).toBe(true);
  });

  it('she says there is no will: a khoản on a will that exists (lost, leaving an heir out) is another case (will.ts)', () => {
    expect(saysNoWill('bố em mất không để lại di chúc')).toBe(true);
    expect(saysNoWill('me mat chua kip viet di chuc')).toBe(true);
    expect(saysNoWill('ông mất ko có di chúc gì')).toBe(true);
    expect(saysNoWill('không biết di chúc của bố có hợp pháp không')).toBe(false);
    expect(saysNoWill('bố để lại di chúc cho anh trai hết')).toBe(false);
    // BLDS Điều 642 khoản 1 and Điều 644 khoản 1 are about a will that exists; Điều 650 khoản 1 điểm
    // a is the case of none, Điều 651 names no will, Điều 610 both ways of inheriting.
    expect(statesWillCase('Kể từ thời điểm mở thừa kế, nếu bản di chúc bị thất lạc hoặc bị hư hại thì coi như không có di chúc', null)).toBe(true);
    expect(
      statesWillCase('Con chưa thành niên, cha, mẹ, vợ, chồng;', 'Những người sau đây vẫn được hưởng … nếu họ không được người lập di chúc cho hưởng di sản:'),
    ).toBe(true);
    expect(statesWillCase('Không có di chúc;', 'Thừa kế theo pháp luật được áp dụng trong trường hợp sau đây:')).toBe(false);
    expect(statesWillCase('Hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, con đẻ, con nuôi của người chết;', null)).toBe(false);
    expect(statesWillCase('Mọi cá nhân đều bình đẳng về quyền hưởng di sản theo di chúc hoặc theo pháp luật.', null)).toBe(false);
    // Điều 642 and 651 in miniature: retrieval ranks the lost will first, and it shares "không có di chúc".
    const lost = hit(
      '642',
      'Di chúc bị thất lạc, hư hại',
      ['Nếu bản di chúc bị thất lạc, hư hại thì coi như không có di chúc và chia đất theo pháp luật.'],
      1.0,
    );
    const heirs = hit('651', 'Người thừa kế theo pháp luật', ['Hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, con đẻ, con nuôi của người chết.'], 0.9);
    const w = {
      khong: 1,
      co: 0.5,
      di: 1,
      chuc: 1,
      dichuc: 3,
      codi: 3,
      chia: 2,
      dat: 2,
      chiadat: 3,
      ai: 0.5,
      duoc: 0.5,
      thua: 1,
      ke: 1,
      thuake: 2,
      hangthua: 2,
    };
    const first = (q: string, noWill = saysNoWill(q)) =>
      scoreUnits([lost, heirs], w, wantsOf(q), undefined, { personsAsked: asksPersons(q), noWill })[0]!.hit.article;
    expect(first('không có di chúc thì ai được chia đất')).toBe('651');
    // Not read as saying there was none, the lost will leads though the heirs are asked for.
    expect(first('không có di chúc thì ai được chia đất', false)).toBe('642');
    // Her will was lost: Điều 642 is her case.
    expect(first('di chúc bị thất lạc thì chia đất thế nào')).toBe('642');
  });

  it('asked as a wife or child, the later ranks of heirs are another case unless she names their kin (heirs.ts)', () => {
    expect(namesLaterKin('chồng mất, tôi là vợ thì được hưởng phần nào')).toBe(false);
    expect(namesLaterKin('ck e mat, e voi 2 con dc chia bao nhieu')).toBe(false);
    expect(namesLaterKin('chồng mất, anh em chồng có được chia không')).toBe(true);
    expect(namesLaterKin('ong noi mat thi chau co duoc huong khong')).toBe(true);
    expect(namesLaterKin('cô ruột mất không chồng con, ai được hưởng')).toBe(true);
    // "có", "đi" fold into "co", "di": no aunt named.
    expect(namesLaterKin('em có được đi chia không')).toBe(false);
    // BLDS Điều 651 khoản 3 and điểm b, and Điều 652, state the later ranks; điểm a and khoản 2 do not.
    expect(statesLaterRanks('Những người ở hàng thừa kế sau chỉ được hưởng thừa kế, nếu không còn ai ở hàng thừa kế trước do đã chết;', null)).toBe(true);
    expect(
      statesLaterRanks('Hàng thừa kế thứ hai gồm: ông nội, bà nội, anh ruột, chị ruột, em ruột của người chết;', 'Những người thừa kế theo pháp luật:'),
    ).toBe(true);
    expect(
      statesLaterRanks('Hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, con đẻ, con nuôi của người chết;', 'Những người thừa kế theo pháp luật:'),
    ).toBe(false);
    expect(statesLaterRanks('Những người thừa kế cùng hàng được hưởng phần di sản bằng nhau.', null)).toBe(false);
    // Điều 651 in miniature: khoản 3 shares her "chết", "được hưởng", "không" more than khoản 1.
    const heirs = hit(
      '651',
      'Người thừa kế theo pháp luật',
      [
        'Hàng thừa kế thứ nhất gồm: vợ, chồng, cha đẻ, mẹ đẻ, con đẻ, con nuôi của người chết.',
        'Những người ở hàng thừa kế sau chỉ được hưởng thừa kế, nếu không còn ai ở hàng thừa kế trước do đã chết, không có quyền hưởng di sản.',
      ],
      1.0,
    );
    const w = { chet: 2, duoc: 1, huong: 2, duochuong: 3, khong: 1, vo: 2, thua: 1, ke: 1, thuake: 2, anh: 1, em: 1, anhem: 3 };
    const first = (q: string) => scoreUnits([heirs], w, wantsOf(q), undefined, { laterKinNamed: namesLaterKin(q) })[0]!.clause;
    expect(first('chồng chết không di chúc, tôi là vợ thì được hưởng thừa kế không')).toBe('1');
    // Asked for his brothers, the later ranks' rule is her answer.
    expect(first('chồng chết không di chúc, anh em chồng có được hưởng thừa kế không')).toBe('2');
    // Asked who inherits, every rank is her answer: the later ranks are not held back.
    const later = (laterKinNamed: boolean, personsAsked: boolean) => {
      const q = 'chồng chết không di chúc thì ai được hưởng thừa kế';
      return scoreUnits([heirs], w, wantsOf(q), undefined, { laterKinNamed, personsAsked }).find((u) => u.clause === '2')!.score;
    };
    expect(later(false, true)).toBe(later(true, true));
    expect(later(false, false)).toBeLessThan(later(true, false));
  });

  it('does not lead with the khoản revoking what she asks how to get, unless she asks to undo it', () => {
    // PCBLGĐ Điều 25 in miniature: khoản 4 (revoking the order) repeats every word of her request,
    // and a member ask about withdrawing it matches her words closely.
    const order = hit(
      '25',
      'Cấm tiếp xúc theo quyết định của Chủ tịch Ủy ban nhân dân cấp xã',
      [
        'Chủ tịch Ủy ban nhân dân cấp xã quyết định áp dụng biện pháp cấm tiếp xúc khi có đề nghị của người bị bạo lực gia đình.',
        'Quyết định cấm tiếp xúc có hiệu lực ngay sau khi ký.',
        'Chủ tịch Ủy ban nhân dân cấp xã ra quyết định cấm tiếp xúc có thẩm quyền hủy bỏ quyết định cấm tiếp xúc theo yêu cầu của người đề nghị ra quyết định cấm tiếp xúc.',
      ],
      1.0,
      [
        ask('muốn rút lại lệnh cấm tiếp xúc với chồng', '3'),
        ask('xin lệnh cấm chồng đến gần mình ở đâu', '1'),
        meaning('Chủ tịch xã quyết định cấm tiếp xúc khi người bị bạo lực đề nghị.', '1'),
        meaning('Chủ tịch xã hủy quyết định cấm tiếp xúc khi người đề nghị yêu cầu.', '3'),
      ],
    );
    const w = { xin: 1, lenh: 1, cam: 1, tiep: 1, xuc: 1, camtiep: 1, tiepxuc: 1, quyet: 0.5, dinh: 0.5, rut: 1.5, lai: 0.5, rutlai: 1.5 };
    const clauseFor = (q: string, undoAsked: boolean) => scoreUnits([order], w, wantsOf(q), undefined, { undoAsked })[0]!.clause;
    // Without the class, khoản 3 led (its words and its ask share more of hers).
    expect(clauseFor('lam sao de xin lenh cam tiep xuc', true)).toBe('3');
    expect(asksUndoing('lam sao de xin lenh cam tiep xuc')).toBe(false);
    expect(clauseFor('lam sao de xin lenh cam tiep xuc', false)).toBe('1');
    expect(asksUndoing('muốn rút lại lệnh cấm tiếp xúc')).toBe(true);
    expect(clauseFor('muốn rút lại lệnh cấm tiếp xúc', true)).toBe('3');
  });

  it("reads a khoản for the male worker alone as the husband's rule, and whether she names a man", () => {
    const lead = 'Lao động nam đang tham gia bảo hiểm xã hội bắt buộc khi vợ sinh con được nghỉ việc hưởng chế độ thai sản với thời gian như sau:';
    expect(statesHusbandsRule('07 ngày làm việc khi vợ sinh con phải phẫu thuật hoặc sinh con dưới 32 tuần tuổi;', lead)).toBe(true);
    expect(statesHusbandsRule('Ngày bắt đầu nghỉ việc hưởng chế độ thai sản phải trong khoảng thời gian 60 ngày kể từ ngày vợ sinh con', null)).toBe(true);
    // A điểm opening "Đối với lao động nam" (BHXH Điều 66 khoản 1 điểm b, the man's pension rate).
    expect(statesHusbandsRule('Đối với lao động nam bằng 45% mức bình quân tiền lương tương ứng 20 năm đóng bảo hiểm xã hội', null)).toBe(true);
    // A rule for both, or for her, is hers.
    expect(statesHusbandsRule('Bảo đảm quyền bình đẳng của lao động nữ, lao động nam', null)).toBe(false);
    expect(statesHusbandsRule('Lao động nam có thời gian đóng cao hơn 35 năm, lao động nữ có thời gian đóng cao hơn 30 năm', null)).toBe(false);
    expect(statesHusbandsRule('Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng', null)).toBe(false);
    expect(namesMan('sinh mổ thì được nghỉ bao lâu')).toBe(false);
    expect(namesMan('vo sinh mo thi ck duoc nghi may ngay')).toBe(true);
  });

  it('reads undoing narrowly: an act of revoking or a rule not applying, not dismissal, expropriation or a consequence', () => {
    expect(statesUndoing('Chủ tịch xã có thẩm quyền hủy bỏ quyết định cấm tiếp xúc')).toBe(true);
    expect(statesUndoing('Quy định tại khoản 1 Điều này không áp dụng đối với người từ chối nhận di sản')).toBe(true);
    // The rule she asks about, in the law's words.
    expect(statesUndoing('Người sử dụng lao động không được đơn phương chấm dứt hợp đồng lao động với lao động nữ vì lý do mang thai')).toBe(false);
    expect(statesUndoing('Nhà nước thu hồi đất vì mục đích quốc phòng, an ninh')).toBe(false);
    expect(statesUndoing('Sau 03 tháng mà người lập di chúc còn sống thì di chúc miệng mặc nhiên bị huỷ bỏ.')).toBe(false);
    expect(statesUndoing('Trừ trường hợp có thỏa thuận khác, cha mẹ đẻ không còn quyền, nghĩa vụ đối với con')).toBe(false);
    // Her own words for undoing, typed with or without dấu; "hủy hoại" is destroying, not undoing.
    expect(asksUndoing('nhan con nuoi roi muon huy ko nhan nua dc k')).toBe(true);
    expect(asksUndoing('đang thử việc nghỉ ngang có phải đền không')).toBe(true);
    expect(asksUndoing('chồng hủy hoại đồ đạc trong nhà')).toBe(false);
  });

  it('scores an article without khoản by its own plain sentence, as a khoản is scored by its own', () => {
    // HN&GĐ Điều 14 and 15 in miniature: Điều 15 has no khoản; its words are the law's, its plain
    // sentence says them in hers ("cha mẹ không đăng ký kết hôn … cha mẹ và con").
    const consequences = hit(
      '14',
      'Giải quyết hậu quả của việc chung sống như vợ chồng mà không đăng ký kết hôn',
      ['Nam, nữ chung sống với nhau như vợ chồng mà không đăng ký kết hôn thì không làm phát sinh quyền, nghĩa vụ giữa vợ và chồng.'],
      1.0,
    );
    const body = 'Quyền, nghĩa vụ giữa nam, nữ chung sống với nhau như vợ chồng và con được giải quyết theo quy định của Luật này.';
    const children: ArticleHit = {
      ...hit('15', 'Quyền, nghĩa vụ của cha mẹ và con khi không đăng ký kết hôn', [], 0.97, [
        meaning('Dù cha mẹ không đăng ký kết hôn, bố mẹ vẫn phải nuôi con như mọi cha mẹ và con.', null),
      ]),
      clause: null,
      clauses: [],
      text: `Điều 15. Quyền, nghĩa vụ của cha mẹ và con khi không đăng ký kết hôn\n${body}`,
    };
    const w = { khong: 0.3, dang: 0.5, ky: 0.5, ket: 0.5, hon: 0.5, dangky: 1, kethon: 1, bo: 1, phai: 0.5, nuoi: 1.5, con: 1.5, nuoicon: 2 };
    const [first] = scoreUnits([consequences, children], w, wantsOf('không đăng ký kết hôn thì bố có phải nuôi con không'));
    expect(first).toMatchObject({ clause: null, text: body, meaning: 'Dù cha mẹ không đăng ký kết hôn, bố mẹ vẫn phải nuôi con như mọi cha mẹ và con.' });
    expect(first!.hit.article).toBe('15');
  });

  it('leads with the rule unless she asks about punishment, then with the sanction she asked about', () => {
    // The fine ranks first in retrieval; asked "có sai luật không", the rule still answers.
    expect(lead([fine, rule], 'chồng đánh vợ có sai luật không')).toBe('5');
    expect(lead([rule, fine], 'chồng đánh vợ bị phạt bao nhiêu tiền')).toBe('37');
    expect(lead([fine, prison, rule], 'chồng đánh vợ có bị đi tù không')).toBe('185');
  });

  it('matches a word she typed with dấu only where the text spells it so', () => {
    // "say xỉn" and "xin lỗi" fold alike; the remedy's khoản shares the folded words, the rule's
    // its spelling. Typed without dấu, nothing tells them apart and the first article leads.
    const remedy = hit('45', 'Vi phạm quy định về phòng, chống bạo lực gia đình', ['Buộc xin lỗi công khai khi đuổi vợ con ra khỏi nhà.'], 1.0);
    const rule = hit('3', 'Hành vi bạo lực gia đình', ['Đuổi vợ con ra khỏi nhà khi say xỉn.'], 0.99);
    const analyzed = (q: string) => analyzeQuery(q);
    const w = { chong: 1, say: 1, xin: 2, duoi: 1, ra: 0.2, khoi: 0.5, nha: 0.5, sayxin: 2 };
    const typed = analyzed('chồng say xỉn đuổi mẹ con ra khỏi nhà');
    expect(scoreUnits([remedy, rule], w, [], typed.spellings)[0]!.hit.article).toBe('3');
    expect(scoreUnits([remedy, rule], w, [], analyzed('chong say xin duoi me con ra khoi nha').spellings)[0]!.hit.article).toBe('45');
  });

  it('does not open an emergency with a decree remedy ("Buộc chi trả…"), which she did not ask about', () => {
    const decree = hit(
      '37',
      'Hành vi đánh đập',
      [
        'Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi đánh đập thành viên gia đình gây chảy máu.',
        'Biện pháp khắc phục hậu quả:\na) Buộc chi trả chi phí khám bệnh cho người bị đánh đập chảy máu.',
      ],
      1.0,
    );
    const w = { danh: 1, dap: 1, danhdap: 2, chay: 1, mau: 1, chaymau: 2, gia: 0.5, dinh: 0.5, giadinh: 1 };
    const lead = (emergency: boolean) => {
      const u = scoreUnits([decree], w, [], undefined, { emergency })[0]!;
      return [u.clause, u.point];
    };
    // An ordinary question about the act: the remedy is no sanction, the fine is (unasked).
    expect(lead(false)).toEqual(['2', 'a']);
    expect(lead(true)).toEqual(['1', null]);
  });

  it('reads a line continuing a khoản with that khoản, and says that khoản’s sentence above its quote', async () => {
    // "4. Hình thức xử phạt bổ sung:" then, on its own line, "Tịch thu …": the line is khoản 2's
    // additional sanction, and the article's summary of fines is not what its quote says.
    const decree = hit(
      '37',
      'Hành vi đe dọa, đánh đập',
      [
        'Phạt tiền từ 2.000.000 đồng đến 5.000.000 đồng đối với hành vi đe dọa giết thành viên gia đình.',
        'Hình thức xử phạt bổ sung:\nTịch thu hung khí, công cụ dùng để đe dọa giết thành viên gia đình.',
      ],
      1.0,
      [meaning('Đe dọa người nhà bị phạt 2–5 triệu đồng.', null), meaning('Hung khí dùng để đe dọa bị tịch thu.', '2')],
    );
    const w = { doa: 1, giet: 2, doagiet: 2, hung: 1, khi: 1, hungkhi: 2, tich: 1, thu: 1, tichthu: 2 };
    const out = await new ExtractiveAnswerer({ LEGAL_AID_PHONE: '' }).answer(input([decree], 'dọa giết bằng hung khí có bị tịch thu không', w));
    expect(out.citations[0]).toMatchObject({ article: '37', clause: '2' });
    expect(out.answer.split('\n')[0]).toBe('Hung khí dùng để đe dọa bị tịch thu.');
    // Its khoản's first line travels with it: read as a sanction, which an emergency does not lead with.
    const lead = scoreUnits([decree], w, [], undefined, { emergency: true })[0]!;
    expect(lead.leadIn).toBe('Hình thức xử phạt bổ sung:');
  });

  it('quotes a khoản ending in ":" with the lines that go on from it, not its colon alone', async () => {
    // "2. Biện pháp khắc phục hậu quả:" then "Buộc thực hiện nghĩa vụ …" on its own line: the quote
    // under the khoản's sentence must say what is ordered.
    const decree = hit(
      '43',
      'Vi phạm quy định về chăm sóc, nuôi dưỡng, cấp dưỡng',
      [
        'Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi trốn tránh nghĩa vụ nuôi dưỡng cha, mẹ.',
        'Biện pháp khắc phục hậu quả:\nBuộc thực hiện nghĩa vụ đóng góp, nuôi dưỡng theo quy định.',
      ],
      1.0,
      [meaning('Trốn nuôi cha mẹ bị phạt 5–10 triệu đồng.', '1'), meaning('Người vi phạm bị bắt buộc phải nuôi cha mẹ.', '2')],
    );
    const w = { bat: 2, batbuoc: 3, buoc: 1, cha: 1, me: 1, chame: 2 };
    const out = await new ExtractiveAnswerer({ LEGAL_AID_PHONE: '' }).answer(input([decree], 'anh trai không góp tiền nuôi bố mẹ có bắt buộc được không', w));
    expect(out.citations[0]).toMatchObject({ article: '43', clause: '2' });
    expect(out.citations[0]!.quote).toBe('Biện pháp khắc phục hậu quả: Buộc thực hiện nghĩa vụ đóng góp, nuôi dưỡng theo quy định.');
  });

  it('follows retrieval when the runner-up scored far behind the first article', () => {
    // The runner-up shares every word of the question, the first only some of them.
    const first = hit('8', 'Điều kiện kết hôn', ['Nam, nữ kết hôn phải tự nguyện.'], 1.2, [ask('con cháu thông gia có được kết hôn')]);
    const far = hit('12', 'Hậu quả pháp lý', ['Con cháu hai bên thông gia kết hôn trái pháp luật thì bị hủy.'], 0.7, [
      ask('con cháu hai bên thông gia kết hôn'),
    ]);
    const w = { con: 1, chau: 1, thonggia: 2, kethon: 2, hai: 0.5, ben: 0.5 };
    expect(scoreUnits([first, far], w, [])[0]!.hit.article).toBe('8');
    // Close behind, a khoản whose own words say what she asked may lead, even over a first article
    // one of whose asks fits her: an ask is one angle on a khoản, its words and sentence say it all.
    const loose = hit('8', 'Điều kiện kết hôn', ['Nam, nữ kết hôn phải tự nguyện.'], 1.2, [ask('điều kiện kết hôn')]);
    expect(scoreUnits([loose, { ...far, score: 1.19 }], w, [])[0]!.hit.article).toBe('12');
    expect(scoreUnits([first, { ...far, score: 1.19 }], w, [])[0]!.hit.article).toBe('12');
    // When the first article's words say it as well, retrieval's order holds.
    const said = hit('8', 'Điều kiện kết hôn', ['Con cháu hai bên thông gia được kết hôn.'], 1.2, [ask('con cháu thông gia có được kết hôn')]);
    expect(scoreUnits([said, { ...far, score: 1.19 }], w, [])[0]!.hit.article).toBe('8');
  });
});

describe('the next step under an offline answer (prompts/what-to-do.tsv)', () => {
  it('fits the article that answered, not its law’s most urgent case', () => {
    const decree = '282/2025/NĐ-CP';
    // A beating: call 113 now.
    expect(whatToDo([], decree, '', '37')).toContain('113');
    // Maintenance unpaid, economic violence, the time limit of a fine: not "đang nguy hiểm" first.
    const unpaid = whatToDo(['cap_duong'], decree, '', '43')!;
    expect(unpaid).toContain('thi hành án dân sự');
    expect(unpaid).not.toMatch(/^Đang nguy hiểm/);
    expect(whatToDo([], decree, '', '44')).toMatch(/^Chị giữ lại giấy tờ/);
    expect(whatToDo([], decree, '', '6')).toMatch(/^Chị có thể báo sớm/);
    // The Domestic Violence Law's legal aid and shelter articles: where to get them.
    expect(whatToDo([], '13/2022/QH15', '0123', '30')).toContain('Trung tâm trợ giúp pháp lý nhà nước của tỉnh (0123)');
    expect(whatToDo([], '13/2022/QH15', '', '28')).toContain('tạm lánh');
    // An article without a row of its own takes its law's; the inheritance law its own, not the topic's.
    expect(whatToDo([], '13/2022/QH15', '', '3')).toMatch(/^Đang nguy hiểm/);
    expect(whatToDo(['con_cai'], '91/2015/QH13', '', '654')).toContain('khai nhận thừa kế');
    // The decree in force before 282 (an act dated to its time): its own law's step, not a divorce's.
    expect(whatToDo(['ly_hon'], '144/2021/NĐ-CP', '', '53')).toMatch(/^Đang nguy hiểm thì chị gọi ngay 113/);
    // The decree detailing the Children Law (the national child hotline's article among them): the child's line, 111.
    expect(whatToDo(['bao_luc_gia_dinh', 'tre_em'], '56/2017/NĐ-CP', '', '22')).toMatch(/^Chị có thể gọi 111/);
    // Common property and the names on its certificate: where both names are registered.
    expect(whatToDo(['tai_san'], '52/2014/QH13', '', '34')).toMatch(/văn phòng đăng ký đất đai/);
    // Making a will is done by the living: where to have it made, not a death certificate.
    expect(whatToDo(['thua_ke'], '91/2015/QH13', '', '625')).toMatch(/^Muốn lập di chúc/);
    expect(whatToDo(['thua_ke'], '91/2015/QH13', '', '625')).not.toContain('giấy chứng tử');
    // Who a child's father is: the commune when nobody disputes it, the court when someone does.
    expect(whatToDo(['tre_em'], '52/2014/QH13', '', '88')).toContain('có tranh chấp thì nộp đơn ở Tòa án');
    // A divorce, asked with other words than the topic's (adultery, a husband who will not sign):
    // the court and who helps write the petition, not the commune's one-stop desk.
    expect(whatToDo(['hon_nhan'], '52/2014/QH13', '', '56')).toContain('nộp đơn ly hôn ở Tòa án');
    expect(whatToDo(['hon_nhan'], '52/2014/QH13', '', '55')).not.toContain('bộ phận một cửa');
    // The Penal Code's offence of evading support: the judgment and enforcement, not a beating's evidence.
    const evading = whatToDo(['cap_duong'], '100/2015/QH13', '', '186')!;
    expect(evading).toContain('thi hành án dân sự');
    expect(evading).not.toContain('dấu vết');
    // Who raises the child, visits, a change of custody: agreement, else the court; not only "ask someone".
    expect(whatToDo(['con_cai'], '52/2014/QH13', '', '84')).toContain('nộp đơn ở Tòa án');
    expect(whatToDo(['con_cai'], '52/2014/QH13', '', '82')).toContain('nộp đơn ở Tòa án');
    // Grandparents and other kin: mediation in the family and the commune, not papers about property.
    const kin = whatToDo(['tai_san', 'gia_dinh'], '52/2014/QH13', '', '104')!;
    expect(kin).toContain('hòa giải');
    expect(kin).not.toContain('sổ đỏ');
  });
});

describe('offline answers on the bundled laws', () => {
  const ctx = bundledServices();

  it("answers a mother's own birth allowance with hers, the surrogate's khoản only when she names surrogacy", async () => {
    const lead = async (message: string) => (await respond(ctx.services, { message })).citations[0];
    // BHXH Điều 58: khoản 2 (surrogacy: who is paid when the surrogate has no insurance) shares her words.
    expect(await lead('vợ không đi làm không có bảo hiểm, chồng đóng bảo hiểm thì sinh con có được trợ cấp một lần không')).toMatchObject({
      document: { number: '41/2024/QH15' },
      article: '58',
      clause: '1',
    });
    expect(await lead('người mang thai hộ không đóng bảo hiểm thì ai được nhận trợ cấp một lần')).toMatchObject({ article: '58', clause: '2' });
  }, 60_000);

  it("answers a worker's own sick days with her own case, the sick child's only when she names a child", async () => {
    const lead = async (message: string) => (await respond(ctx.services, { message })).citations[0];
    // BHXH Điều 42 khoản 1: điểm e (caring for a sick child under 7) and its asks share "nghỉ", "ốm", "có được hưởng".
    for (const q of ['em nghỉ ốm 5 ngày có được hưởng bảo hiểm không', 'e bi mo ruot thua nam vien 1 tuan, co dc huong bhxh ko'])
      expect(await lead(q), q).toMatchObject({ document: { number: '41/2024/QH15' }, article: '42', clause: '1', point: 'a' });
    expect(await lead('con em 3 tuổi bị ốm, em nghỉ ở nhà chăm có được hưởng bảo hiểm không')).toMatchObject({ article: '42', clause: '1', point: 'e' });
  }, 60_000);

  it('answers a notice period by the term of the contract she names', async () => {
    const lead = async (message: string) => (await respond(ctx.services, { message })).citations[0];
    // BLLĐ Điều 35 khoản 1: điểm a (indefinite, 45 days) shares as many of her words as điểm b and c.
    expect(await lead('ky hop dong 2 nam, nghi viec phai bao truoc may ngay')).toMatchObject({ article: '35', clause: '1', point: 'b' });
    expect(await lead('làm hợp đồng 6 tháng, muốn nghỉ việc thì báo trước mấy ngày')).toMatchObject({ article: '35', clause: '1', point: 'c' });
  }, 60_000);

  it('does not tell a girl of 17 the rule for a child of 13 to 16 as her case', async () => {
    const r = await respond(ctx.services, { message: 'em 17 tuổi có bầu với bạn trai 18 tuổi, bạn trai có bị đi tù không' });
    expect(r.citations[0]).toMatchObject({ document: { number: '100/2015/QH13' }, article: '145' });
    const lines = r.answer.split('\n');
    const note = lines.findIndex((l) => l.startsWith('Lưu ý: khoản luật dưới đây nói về người từ đủ 13 tuổi đến dưới 16 tuổi'));
    expect(note).toBeGreaterThanOrEqual(0);
    expect(lines[note]).toContain('(17 tuổi)');
    // Said before the rule's own sentence, not after it.
    expect(lines.findIndex((l) => l.startsWith('Căn cứ:'))).toBeGreaterThan(note + 1);
  }, 60_000);

  it("answers a mother's own leave with hers, the husband's khoản only when she asks about him", async () => {
    const lead = async (message: string) => (await respond(ctx.services, { message })).citations[0];
    // BHXH Điều 53 khoản 2 điểm b ("07 ngày làm việc khi vợ sinh con phải phẫu thuật") shares her words.
    expect(await lead('sinh mo thi duoc nghi bao lau')).not.toMatchObject({ article: '53', clause: '2' });
    expect(await lead('sinh con dưới 32 tuần thì được nghỉ bao nhiêu ngày')).not.toMatchObject({ article: '53', clause: '2' });
    expect(await lead('vợ sinh mổ thì chồng được nghỉ mấy ngày')).toMatchObject({
      document: { number: '41/2024/QH15' },
      article: '53',
      clause: '2',
      point: 'b',
    });
  }, 60_000);

  it('answers a miscarriage by the band of weeks her months fall in, and twins or triplets as maternity', async () => {
    const r = await respond(ctx.services, { message: 'sảy thai 4 tháng được nghỉ bao lâu' });
    expect(r.citations[0]).toMatchObject({ document: { number: '41/2024/QH15' }, article: '52', clause: '1' });
    const triplets = await respond(ctx.services, { message: 'sinh 3 duoc nghi may thang' });
    expect(triplets.kind).toBe('answer');
    expect(triplets.citations[0]?.document.number).toMatch(/^(45\/2019\/QH14|41\/2024\/QH15)$/);
  }, 60_000);

  it("answers rest after a caesarean from the birth's article, rest after sickness only when she names an illness", async () => {
    // BHXH Điều 46 (after sickness) shares every word of hers and retrieval ranks it before Điều 60.
    const lead = async (message: string) => (await respond(ctx.services, { message })).citations[0];
    expect(await lead('sinh mổ xong đi làm lại người còn mệt thì có được nghỉ dưỡng sức không')).toMatchObject({
      document: { number: '41/2024/QH15' },
      article: '60',
    });
    expect(await lead('ốm nằm viện 1 tháng, đi làm lại còn mệt thì có được nghỉ dưỡng sức không')).toMatchObject({ article: '46' });
  }, 60_000);

  it('answers rest after an operation from the sickness article, though she names no "ốm"', async () => {
    // BHXH Điều 60 (after a birth) shares every word of hers but the operation; she names no birth.
    const r = await respond(ctx.services, { message: 'em bi mo soi than, nam vien hon 1 thang, di lam lai van met, co dc nghi duong suc ko, may ngay' });
    expect(r.citations[0]).toMatchObject({ document: { number: '41/2024/QH15' }, article: '46' });
  }, 60_000);

  it('asked how overtime at night is paid, leads with BLLĐ Điều 98 khoản 3, not the hours night work spans', async () => {
    // Điều 106 ("từ 22 giờ đến 06 giờ sáng") shares "giờ sáng" and "ban đêm" but states no pay.
    const r = await respond(ctx.services, { message: 'công ty bắt tăng ca tới 2 giờ sáng, tiền làm thêm ban đêm tính thế nào' });
    expect(r.citations[0]).toMatchObject({ document: { number: '45/2019/QH14' }, article: '98', clause: '3' });
  }, 60_000);

  it('asked who inherits with no will, leads with the heirs in order, not a lost will or a grandparent as heir', async () => {
    // BLDS Điều 651 khoản 1 whole (its điểm quoted), told by the article's sentence naming both ranks:
    // "ông ngoại mất" had been told "Hàng thứ hai gồm ông bà…", the dead man's own parents.
    const r = await respond(ctx.services, { message: 'ông ngoại mất không có di chúc thì ai được hưởng nhà đất' });
    expect(r.citations[0]).toMatchObject({ document: { number: '91/2015/QH13' }, article: '651', clause: '1', point: null });
    expect(r.answer).toContain('Hàng thứ nhất: vợ, chồng');
    const lost = await respond(ctx.services, { message: 'di chúc của bố bị thất lạc thì ai được chia đất' });
    expect(lost.citations[0]).toMatchObject({ article: '642', clause: '1' });
  }, 60_000);

  it("answers overtime on a Sunday with the weekly rest day's point of BLLĐ Điều 98", async () => {
    const r = await respond(ctx.services, { message: 'làm thêm ngày chủ nhật thì được trả lương thế nào' });
    expect(r.citations[0]).toMatchObject({ document: { number: '45/2019/QH14' }, article: '98', clause: '1', point: 'b' });
  }, 60_000);

  it('answers a period of paying she names with the threshold khoản, not the one on leaving work first', async () => {
    // Luật BHXH 2024 Điều 50: khoản 4 (leaving work before the birth) shares her words; khoản 2 sets the six months.
    const r = await respond(ctx.services, { message: 'đóng bhxh được 5 tháng thì sinh con có được hưởng thai sản không' });
    expect(r.citations[0]).toMatchObject({ document: { number: '41/2024/QH15' }, article: '50', clause: '2' });
  }, 60_000);

  it('answers dismissal for being pregnant from the Labour Code khoản that forbids it, the other laws under "Xem thêm"', async () => {
    const r = await respond(ctx.services, { message: 'bị đuổi việc vì có bầu' });
    expect(r.citations[0]).toMatchObject({ document: { number: '45/2019/QH14' }, article: '137', clause: '3' });
    const [head, tail] = r.answer.split('\nXem thêm:');
    expect(head!.split(/\s+/).length).toBeLessThanOrEqual(130);
    // At most four more articles, each with a title short enough to read on a phone.
    expect(tail!.split('; ').length).toBeLessThanOrEqual(4);
    for (const title of tail!.split('\n')[0]!.matchAll(/\(([^()]*(?:\([^()]*\))?[^()]*)\)(?:;|$)/g))
      expect(title[1]!.split(/\s+/).length).toBeLessThanOrEqual(13);
  }, 60_000);
});

describe('the term of a labour contract she names (contract.ts)', () => {
  it('reads the term in months, an indefinite contract as longer than any', () => {
    expect(contractMonthsNamed('e lam hop dong 1 nam')).toEqual([12]);
    expect(contractMonthsNamed('hđ 6 tháng')).toEqual([6]);
    expect(contractMonthsNamed('hợp đồng có thời hạn 2 năm rưỡi')).toEqual([30]);
    expect(contractMonthsNamed('ký hợp đồng không xác định thời hạn')).toEqual([1200]);
    // A probation or a leave is no contract's term.
    expect(contractMonthsNamed('thử việc 2 tháng, nghỉ thai sản 6 tháng')).toEqual([]);
  });

  it('reads a short or seasonal job told in weeks or days as a fraction of a month', () => {
    expect(contractMonthsNamed('cty ky hop dong thoi vu 3 tuan ma con bat thu viec')).toEqual([0.7]);
    expect(contractMonthsNamed('làm hợp đồng mùa vụ 2 tháng')).toEqual([2]);
    const [days] = contractMonthsNamed('hđ 15 ngày');
    expect(days).toBeCloseTo(0.5);
    // BLLĐ Điều 24 khoản 3: no probation under one month.
    const k3 = 'Không áp dụng thử việc đối với người lao động giao kết hợp đồng lao động có thời hạn dưới 01 tháng.';
    expect(statesContractNamed(k3, [0.7])).toBe('holds');
    expect(statesContractNamed(k3, [2])).toBe('other');
  });

  it('tells the khoản whose term holds hers from those of other terms', () => {
    const b = 'Ít nhất 30 ngày nếu làm việc theo hợp đồng lao động xác định thời hạn có thời hạn từ 12 tháng đến 36 tháng;';
    const a = 'Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;';
    expect(statesContractNamed(b, [12])).toBe('holds');
    expect(statesContractNamed(b, [36])).toBe('holds');
    expect(statesContractNamed(b, [6])).toBe('other');
    expect(statesContractNamed(a, [12])).toBe('other');
    expect(statesContractNamed(a, [1200])).toBe('holds');
    expect(statesContractNamed('Con dưới 36 tháng tuổi được giao cho mẹ trực tiếp nuôi', [12])).toBe('none');
  });
});

describe('a khoản whose case is caring for a sick child (child-care.ts)', () => {
  it('is one speaking of caring for a child or of a child who is sick, not any rule naming a child', () => {
    expect(statesChildCareCase('Chăm sóc con dưới 07 tuổi bị ốm đau.', null)).toBe(true);
    expect(statesChildCareCase('Trường hợp cả cha và mẹ cùng tham gia bảo hiểm xã hội mà nghỉ việc để chăm sóc con ốm đau thì…', null)).toBe(true);
    expect(statesChildCareCase('Điều trị khi mắc bệnh mà không phải bệnh nghề nghiệp;', null)).toBe(false);
    expect(statesChildCareCase('Lao động nữ sinh con được nghỉ việc hưởng chế độ thai sản trước và sau khi sinh con là 06 tháng', null)).toBe(false);
  });
});

describe('a khoản whose case is sickness (sickness.ts)', () => {
  it('is one saying sickness in its words, lead-in or article title, and nothing of pregnancy or birth', () => {
    // BHXH Điều 46 khoản 2 điểm b: its own words and its title say "ốm đau"; Điều 60 khoản 2 điểm b is the birth's.
    expect(statesSicknessCase('07 ngày đối với người lao động sức khỏe chưa phục hồi sau thời gian ốm đau do phải phẫu thuật;', null, null)).toBe(true);
    expect(
      statesSicknessCase(
        'Thời gian nghỉ dưỡng sức, phục hồi sức khỏe do người sử dụng lao động quyết định',
        null,
        'Dưỡng sức, phục hồi sức khoẻ sau khi ốm đau',
      ),
    ).toBe(true);
    expect(statesSicknessCase('07 ngày đối với lao động nữ sinh con phải phẫu thuật;', null, 'Dưỡng sức, phục hồi sức khoẻ sau thai sản')).toBe(false);
    // A rule for both is hers too.
    expect(statesSicknessCase('3% tiền lương làm căn cứ đóng bảo hiểm xã hội vào quỹ ốm đau và thai sản;', null, null)).toBe(false);
  });

  it('is not her case when she asks about a birth and names no illness, with or without dấu', () => {
    expect(asksBirthNotIllness('đẻ mổ xong người còn yếu được nghỉ mấy ngày')).toBe(true);
    expect(asksBirthNotIllness('sinh con thu 2 duoc nghi bao lau')).toBe(true);
    expect(asksBirthNotIllness('sảy thai 2 tháng được nghỉ không')).toBe(true);
    expect(asksBirthNotIllness('sinh con xong bị ốm phải nằm viện thì được nghỉ không')).toBe(false);
    expect(asksBirthNotIllness('ốm nằm viện 1 tháng được nghỉ dưỡng sức không')).toBe(false);
    // Not a birth: "sinh sống", "học sinh", "để con ở nhà".
    expect(asksBirthNotIllness('sinh sống ở xã khác thì đăng ký ở đâu')).toBe(false);
    expect(asksBirthNotIllness('de con o nha cho ba trong duoc khong')).toBe(false);
  });

  it('has a mirror: a maternity article is not her case when she names an illness or an operation and no birth', () => {
    expect(statesMaternityCase('Dưỡng sức, phục hồi sức khoẻ sau thai sản')).toBe(true);
    expect(statesMaternityCase('Giải quyết hưởng chế độ thai sản đối với người tham gia bảo hiểm xã hội bắt buộc')).toBe(true);
    expect(statesMaternityCase('Dưỡng sức, phục hồi sức khoẻ sau khi ốm đau')).toBe(false);
    // Read from the title: the divorce law's "vợ đang có thai" is no maternity rule.
    expect(statesMaternityCase('Quyền yêu cầu giải quyết ly hôn')).toBe(false);
    expect(asksIllnessNotBirth('phải phẫu thuật dạ dày, nằm viện 3 tuần thì nghỉ dưỡng sức mấy ngày')).toBe(true);
    expect(asksIllnessNotBirth('bi mo ruot thua xong nguoi con yeu')).toBe(true);
    expect(asksIllnessNotBirth('đẻ mổ xong nằm viện 5 ngày thì nghỉ dưỡng sức mấy ngày')).toBe(false);
    expect(asksIllnessNotBirth('sinh mo xong bi om nam vien')).toBe(false);
    expect(asksIllnessNotBirth('mở sổ bảo hiểm ở đâu')).toBe(false);
  });
});

describe('a khoản whose case is surrogacy (surrogacy.ts)', () => {
  it('is one naming surrogacy as its subject, not one naming it beside every mother', () => {
    expect(statesSurrogacyCase('Lao động nữ mang thai hộ có đủ điều kiện theo quy định tại khoản 2', null)).toBe(true);
    expect(statesSurrogacyCase('Trường hợp người mang thai hộ, người mẹ nhờ mang thai hộ không tham gia bảo hiểm xã hội', null)).toBe(true);
    expect(statesSurrogacyCase('Lao động nữ sinh con có đủ điều kiện quy định tại khoản 2', null)).toBe(false);
    expect(statesSurrogacyCase('Thời gian nghỉ việc hưởng chế độ thai sản của lao động nữ khi sinh con, lao động nữ mang thai hộ', null)).toBe(false);
  });

  it('is asked about only when she names it, with or without dấu', () => {
    expect(namesSurrogacy('nho nguoi mang thai ho thi sao')).toBe(true);
    expect(namesSurrogacy('đẻ thuê cho người ta có được nghỉ không')).toBe(true);
    expect(namesSurrogacy('em sinh con thì được trợ cấp gì')).toBe(false);
  });
});

describe('a list of cases excluded (exclusion.ts)', () => {
  it('is a khoản opening a list of who does not get it, and each of its điểm — not a rule stating its one case', () => {
    expect(statesExclusion('Người lao động không được hưởng chế độ ốm đau trong các trường hợp sau đây:', null)).toBe(true);
    expect(
      statesExclusion(
        'Tự gây thương tích hoặc tự gây tổn hại cho sức khỏe của mình;',
        'Người lao động không được hưởng chế độ ốm đau trong các trường hợp sau đây:',
      ),
    ).toBe(true);
    expect(statesExclusion('Người có hành vi cố ý xâm phạm tính mạng …', 'Những người sau đây không có quyền hưởng di sản:')).toBe(true);
    expect(statesExclusion('Trong thời gian tạm hoãn thực hiện hợp đồng lao động, người lao động không được hưởng lương', null)).toBe(false);
    expect(
      statesExclusion(
        'Điều trị khi mắc bệnh mà không phải bệnh nghề nghiệp;',
        'Người lao động được hưởng chế độ ốm đau khi nghỉ việc thuộc một trong các trường hợp sau đây:',
      ),
    ).toBe(false);
  });

  it('is asked about when she asks who does not get it, with or without dấu', () => {
    expect(asksExclusion(standardWords('trường hợp nào thì không được hưởng chế độ ốm đau'))).toBe(true);
    expect(asksExclusion(standardWords('truong hop nao ko dc huong om dau'))).toBe(true);
    expect(asksExclusion(standardWords('e nghi om 1 tuan co dc huong bhxh ko'))).toBe(false);
  });

  // BHXH Điều 42: khoản 1 grants the sickness benefit, khoản 2 lists who does not get it; điểm d's
  // plain sentence and ask say "được hưởng thêm tiền ốm" as she does.
  const sick = hit(
    '42',
    'Đối tượng, điều kiện hưởng chế độ ốm đau',
    [
      'Người lao động được hưởng chế độ ốm đau khi nghỉ việc để điều trị bệnh.',
      'Người lao động không được hưởng chế độ ốm đau trong các trường hợp sau đây:\nd) Nghỉ việc trùng với thời gian đang nghỉ hưởng chế độ thai sản.',
    ],
    1.0,
    [
      meaning('Nghỉ việc để chữa bệnh thì được hưởng tiền ốm đau.'),
      { kind: 'meaning', clause: '2', point: 'd', text: 'Ngày ốm trùng ngày đang nghỉ thai sản thì không được hưởng thêm tiền ốm đau.' },
      { kind: 'ask', clause: '2', point: 'd', text: 'đang nghỉ thai sản mà bị ốm có được hưởng thêm tiền ốm không' },
    ],
  );
  const lead = (q: string, w: Record<string, number>) => {
    const u = scoreUnits([sick], w, wantsOf(q), undefined, { exclusionAsked: asksExclusion(standardWords(q)) })[0]!;
    return `${u.clause}${u.point ?? ''}`;
  };
  const ill = { nghi: 1, om: 2, duoc: 1, huong: 1, duochuong: 2, tien: 1, tienom: 3, dau: 1 };

  it('does not lead when she names none of its cases: the khoản granting it does', () => {
    expect(lead('em ốm nghỉ 1 tuần có được hưởng tiền ốm đau không', ill)).toBe('1');
  });

  it('leads when she names its case, or asks for the cases excluded', () => {
    expect(lead('đang nghỉ thai sản mà ốm có được hưởng thêm tiền ốm không', { ...ill, dang: 1, dangnghi: 3, thai: 2, san: 2, thaisan: 3, them: 2 })).toBe(
      '2d',
    );
    expect(lead('ốm trường hợp nào không được hưởng tiền ốm đau', { ...ill, khong: 1, khongduoc: 2 })).toBe('2d');
  });
});

describe('an article of definitions (definition.ts)', () => {
  it('is read from its title', () => {
    expect(definesWords('Giải thích từ ngữ')).toBe(true);
    expect(definesWords('Các hành vi bạo lực gia đình')).toBe(false);
    expect(definesWords(null)).toBe(false);
  });

  it('answers her only when she asks what a word means, not whether her case is so', () => {
    expect(asksMeaning('tảo hôn là gì')).toBe(true);
    expect(asksMeaning('cho thue lai lao dong nghia la sao')).toBe(true);
    expect(asksMeaning('xâm hại tình dục được hiểu thế nào')).toBe(true);
    expect(asksMeaning('chồng cầm hết lương của tôi thì có bị coi là bạo lực gia đình không')).toBe(false);
    expect(asksMeaning('ep con 16 tuoi lay chong co sai luat ko')).toBe(false);
  });

  it('counts less when she asks what she gets: a definition gives nothing', async () => {
    expect(asksEntitlement('gio tron ve duoc roi, co duoc ho tro hoc nghe ko')).toBe(true);
    expect(asksEntitlement('người bị mua bán được hưởng những chế độ gì')).toBe(true);
    expect(asksEntitlement('bị lừa bán sang biên giới như vậy có phải là mua bán người không')).toBe(false);
    // Her story's words are the definition's; the support she asks for is the second article's.
    const defs = hit('2', 'Giải thích từ ngữ', ['Mua bán người là hành vi lừa gạt, vận chuyển người qua biên giới để bán.'], 1.2, [
      meaning('Lừa gạt, chở người qua biên giới để bán là mua bán người.'),
    ]);
    const support = hit('37', 'Đối tượng và chế độ hỗ trợ', ['Nạn nhân được hỗ trợ học nghề.'], 1.0, [meaning('Nạn nhân được hỗ trợ học nghề.')]);
    const w = { lua: 1, ban: 1.5, bien: 1, gioi: 1, biengioi: 2, ho: 0.5, tro: 0.5, hotro: 1, hoc: 1, nghe: 1, hocnghe: 1.5 };
    const answer = (q: string) => new ExtractiveAnswerer({ LEGAL_AID_PHONE: '' }).answer(input([defs, support], q, w));
    expect((await answer('bị lừa bán qua biên giới, giờ về có được hỗ trợ học nghề không')).citations[0]).toMatchObject({ article: '37' });
    expect(scoreUnits([defs, support], w, [], undefined, { entitlementAsked: true })[0]!.hit.article).toBe('37');
    expect(scoreUnits([defs, support], w, [], undefined, {})[0]!.hit.article).toBe('2');
  });

  it('counts less when she asks whether an act is allowed: a definition allows nothing', () => {
    expect(asksPermission('con chú con bác ruột thương nhau muốn cưới có được không')).toBe(true);
    expect(asksPermission('nhà gái thách cưới như vậy có sai luật không')).toBe(true);
    expect(asksPermission('chồng giữ hết lương vậy có tính là bạo lực gia đình không')).toBe(false);
    expect(asksPermission('mẹ chồng có được coi là thành viên gia đình không')).toBe(false);
    expect(asksPermission('con chú con bác là họ trong mấy đời')).toBe(false);
    // Her words are the definition's (HN&GĐ Điều 3 khoản 18); the ban is the second article's (Điều 5).
    const defs = hit(
      '3',
      'Giải thích từ ngữ',
      ['Những người có họ trong phạm vi ba đời là những người cùng một gốc sinh ra gồm anh chị em con chú con bác.'],
      1.2,
      [meaning('Họ trong ba đời là anh chị em con chú, con bác, con cô, con cậu, con dì.')],
    );
    const ban = hit('5', 'Bảo vệ chế độ hôn nhân và gia đình', ['Cấm kết hôn giữa những người có họ trong phạm vi ba đời.'], 1.0, [
      meaning('Cấm lấy nhau giữa họ hàng trong ba đời, như con chú con bác.'),
    ]);
    const w = { con: 0.5, chu: 1, bac: 1, ho: 1, ba: 0.5, doi: 1, cuoi: 1, ketho: 1 };
    expect(scoreUnits([defs, ban], w, [], undefined, { permissionAsked: true })[0]!.hit.article).toBe('5');
    expect(scoreUnits([defs, ban], w, [], undefined, {})[0]!.hit.article).toBe('3');
  });
});

describe('a cap per period (period.ts)', () => {
  it('reads the periods she names as a rate, not a child of some months', () => {
    expect([...periodsNamed('cty bat tang ca moi thang hon 50 tieng')]).toEqual(['thang']);
    expect([...periodsNamed('tháng nào cũng phải làm thêm 60 giờ')]).toEqual(['thang']);
    expect([...periodsNamed('con em 6 tháng tuổi')]).toEqual([]);
  });

  it('reads the periods a unit caps an amount by', () => {
    const month = new Set(periodsNamed('mỗi tháng'));
    expect(statesPeriodNamed('không quá 12 giờ trong 01 ngày; không quá 40 giờ trong 01 tháng;', month)).toBe('holds');
    expect(statesPeriodNamed('làm thêm không quá 300 giờ trong 01 năm', month)).toBe('other');
    expect(statesPeriodNamed('Phải được sự đồng ý của người lao động;', month)).toBe('none');
  });
});

describe("factory workers' questions on the bundled Labour Code (Stop 46)", () => {
  const ctx = bundledServices();
  const lead = async (message: string) => (await respond(ctx.services, { message })).citations[0];

  it('answers overtime per month with the monthly cap, per year with the yearly one', async () => {
    // BLLĐ Điều 107: khoản 2 điểm b (40 hours a month) beside khoản 3 (300 hours a year in garments, shoes).
    for (const q of ['xưởng may bắt tăng ca mỗi tháng 60 tiếng, vậy có vi phạm không', 'cty bat tang ca thang nao cung hon 50 tieng'])
      expect(await lead(q), q).toMatchObject({ document: { number: '45/2019/QH14' }, article: '107', clause: '2', point: 'b' });
    expect(await lead('một năm công ty may được bắt tăng ca tối đa bao nhiêu giờ')).toMatchObject({ article: '107', clause: '3' });
  }, 60_000);

  it('answers "chốt sổ" after she leaves with the employer confirming the time paid, not late payment', async () => {
    // BLLĐ Điều 48 khoản 3 điểm a, was BHXH Điều 38 (chậm đóng) or Điều 48 khoản 2 (priority in bankruptcy).
    for (const q of ['e nghi viec roi ma cty chua chot so bh cho e', 'Em thôi việc 1 tháng rồi, công ty không chốt sổ bảo hiểm, làm sao để lấy sổ?'])
      expect(await lead(q), q).toMatchObject({ document: { number: '45/2019/QH14' }, article: '48', clause: '3' });
  }, 60_000);

  it("answers a grown woman's or a Vietnamese victim's support with hers, a child's or a foreigner's only when she names one", async () => {
    // PCMBN Điều 37: khoản 1 (a Vietnamese victim's ten kinds of support) beside khoản 4 (a foreign victim's)
    // and Nghị định 56 Điều 14 (a trafficked child returned home), which share her words.
    for (const q of [
      'chị bị lừa bán sang trung quốc mấy năm, giờ về được rồi thì được hỗ trợ gì',
      'người bị mua bán trở về thì được nhà nước hỗ trợ những gì',
      'nạn nhân bị mua bán được hưởng những chế độ hỗ trợ nào',
    ])
      expect(await lead(q), q).toMatchObject({ document: { number: '53/2024/QH15' }, article: '37', clause: '1' });
    expect(await lead('người nước ngoài bị mua bán ở Việt Nam được hỗ trợ gì')).toMatchObject({
      document: { number: '53/2024/QH15' },
      article: '37',
      clause: '4',
    });
  }, 60_000);

  it('answers from the whole of a long article, not only the chunk her words found', async () => {
    // BHXH Điều 2 is indexed in chunks; "đóng bảo hiểm xã hội bắt buộc" finds the one holding điểm l–n, while a
    // contract of one month or more is khoản 1 điểm a, in the chunk before.
    expect(await lead('ký hợp đồng 6 tháng với xưởng may thì có phải đóng bảo hiểm xã hội bắt buộc không')).toMatchObject({
      document: { number: '41/2024/QH15' },
      article: '2',
      clause: '1',
      point: 'a',
    });
  }, 60_000);

  it('answers a second probation with the one-probation rule', async () => {
    // BLLĐ Điều 25 (chỉ được thử việc một lần), was Điều 24 or 27.
    expect(await lead('Hết 2 tháng thử việc, công ty bắt em thử việc thêm lần nữa, có được không?')).toMatchObject({ article: '25' });
  }, 60_000);
});

describe('violence, children, adoption on the bundled laws (Stop 48)', () => {
  const ctx = bundledServices();
  const lead = async (message: string) => (await respond(ctx.services, { message })).citations[0];

  it('reads an adopter only a few years older than the child as the 20-year rule, not as the child of 16 to 18', async () => {
    // Nuôi con nuôi Điều 14 (khoản 1 điểm b; khoản 3 for kin), not Điều 8 khoản 2 with a note on her "age".
    expect(await lead('Chú ruột nhận cháu làm con nuôi mà chỉ hơn cháu 12 tuổi được không?')).toMatchObject({
      document: { number: '52/2010/QH12' },
      article: '14',
      clause: '3',
    });
    expect(await lead('e muon nhan con nuoi cua nguoi ta ma chi hon be 18 tuoi thoi')).toMatchObject({ article: '14', clause: '1', point: 'b' });
  }, 60_000);

  it('answers a child given for adoption just after the birth with the 15 days the birth parents must wait', async () => {
    expect(await lead('de xong e muon cho con di lam con nuoi luon co dc ko')).toMatchObject({
      document: { number: '52/2010/QH12' },
      article: '21',
      clause: '4',
    });
  }, 60_000);

  it('answers a woman who fled a beating and asks where to stay with the shelter, not with being turned out', async () => {
    expect(await lead('bị chồng đánh, em ôm con chạy sang nhà hàng xóm, giờ không biết ở tạm đâu')).toMatchObject({
      document: { number: '13/2022/QH15' },
      article: '28',
      clause: '1',
    });
  }, 60_000);

  it('answers a trafficking victim shamed by neighbours with the ban on stigmatising victims', async () => {
    expect(await lead('em bị lừa bán sang trung quốc mới về, cả xóm dè bỉu xa lánh, luật có cấm không')).toMatchObject({
      document: { number: '53/2024/QH15' },
      article: '3',
      clause: '9',
    });
  }, 60_000);

  it('answers mediation at the commune on a violent husband with the mediation of violence, not the court’s in a divorce', async () => {
    // PCBLGĐ Điều 17/18 (mediation of violence, its mediators), not HN&GĐ Điều 54 or 52 (section "LY HÔN").
    expect(await lead('chong danh e suot, to hoa giai o thon bat e phai lam lanh voi chong')).toMatchObject({ document: { number: '13/2022/QH15' } });
    expect(await lead('xã cứ gọi lên hòa giải, em không muốn hòa giải với ông chồng vũ phu đó nữa thì có bắt buộc không')).toMatchObject({
      document: { number: '13/2022/QH15' },
      article: '17',
    });
  }, 60_000);

  it('answers grandparents adopting a grandchild with the ban, not with their duties to grandchildren', async () => {
    // HN&GĐ Điều 104's plain sentence had said "không có con nuôi" where the law says "không có con để nuôi dưỡng mình".
    expect(await lead('Ông bà nội có được nhận cháu nội làm con nuôi không?')).toMatchObject({
      document: { number: '52/2010/QH12' },
      article: '13',
      clause: '6',
    });
  }, 60_000);
});

describe('divorce, maternity, civil status, gender equality on the bundled laws (Stop 49)', () => {
  const ctx = bundledServices();
  const answer = (message: string) => respond(ctx.services, { message });
  const lead = async (message: string) => (await answer(message)).citations[0];

  it('answers a wife told she gets no share at a divorce, not refuses her as hiding property', async () => {
    const r = await answer('ly hôn chồng bảo nhà cửa là anh ấy làm ra nên em không được chia, có đúng không');
    expect(r.kind).toBe('answer');
    expect(r.citations[0]).toMatchObject({ document: { number: '52/2014/QH13' }, article: '59', clause: '2' });
  }, 60_000);

  it('answers hiring by sex with equal hiring standards, not the definition of discrimination', async () => {
    expect(await lead('công ty đăng tuyển chỉ nhận nam, em là nữ có bằng lái xe nâng vẫn bị loại')).toMatchObject({
      document: { number: '73/2006/QH11' },
      article: '13',
      clause: '1',
    });
    // A promotion at work is the khoản on promotion.
    expect(await lead('em đủ tiêu chuẩn mà công ty không cho lên tổ trưởng vì là phụ nữ')).toMatchObject({ article: '13', clause: '2' });
  }, 60_000);

  it('answers rice land of the couple with its own point, and more leave after the six months with unpaid leave', async () => {
    expect(await lead('ly hôn thì mấy sào ruộng cấy lúa của hai vợ chồng chia sao')).toMatchObject({ article: '62', clause: '2', point: 'a' });
    expect(await lead('nghỉ hết 6 tháng rồi mà con hay ốm, em muốn nghỉ thêm vài tháng được không')).toMatchObject({
      document: { number: '45/2019/QH14' },
      article: '139',
      clause: '3',
    });
  }, 60_000);

  it('answers suing for unpaid child support with who may ask the court', async () => {
    expect(await lead('chồng cũ không đưa tiền nuôi con cả năm nay, em đi kiện được không')).toMatchObject({ article: '119', clause: '1' });
  }, 60_000);
});
