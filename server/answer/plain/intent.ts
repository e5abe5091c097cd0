import { fold } from '../../../ingest/text/vietnamese.js';

/**
 * What kind of answer a question wants, read from how it is asked ("bao lâu", "ở đâu", "mấy
 * tuổi"), and whether a sentence of the law or of its plain-language note gives that kind of
 * answer. The offline answer leads with the khoản that says what she asked, not merely the one
 * sharing most words with her question.
 */
export type Want = 'duration' | 'amount' | 'age' | 'where' | 'who' | 'penalty' | 'prison';

const ASKS: Record<Want, RegExp> = {
  duration:
    /\b(bao lau|may (thang|nam|ngay|tuan|gio|tieng|phut)|bao nhieu (ngay|thang|nam|tuan|gio|tieng|phut)|den bao gio|thoi han|trong bao lau|khi nao thi|luc nao|tu khi nao)\b/,
  // "được bao nhiêu ngày" asks how long, not how much; how her pay is counted ("lương tính sao",
  // "tiền làm thêm ban đêm tính thế nào") asks how much.
  amount:
    /\b(bao nhieu tien|phat bao nhieu|muc phat|bi phat(?! tu)|bao nhieu phan tram|may trieu|duoc bao nhieu(?! (ngay|thang|nam|tuan|gio|tieng|phut|lan|tuoi))|tien bao nhieu|tro cap bao nhieu|huong bao nhieu|bao nhieu %|(luong|tien (lam them|tang ca|lam dem|thai san|cong)|tro cap)( [a-z0-9]+){0,5} (tinh|tra) (sao|the nao|ra sao|nhu the nao)|tinh luong (sao|the nao|ra sao|nhu the nao))\b/,
  age: /\b(may tuoi|bao nhieu tuoi|du tuoi|tuoi nao|tu may tuoi|duoi may tuoi)\b/,
  where:
    /\b(o dau|di dau|den dau|len dau|ra dau|lam (o )?dau|noi nao|nop (don|ho so) (o|tai)|co quan nao|(len|ra|den|o|ve) (xa|huyen|tinh) nao|(xa|phuong|huyen|tinh|co quan|toa an|cong an|uy ban|van phong) (nao|dau) (lam|nop|giai quyet|xu|cap|dang ky|khai|thu ly)|(len|ra|den|toi|o|ve) (xa|phuong|huyen|tinh|cho|noi) dau|bao (o|cho) (dau|ai)|bao ai|goi ai|goi so|so dien thoai|tong dai|(o|tai|ve|len|ra|den) (xa|phuong|huyen|tinh)( [a-z0-9]+){0,5} hay (la )?(o |tai )?(xa|phuong|huyen|tinh|noi))\b/,
  who: /\b(ai (nuoi|duoc|phai|co quyen|giai quyet|chiu|huong|tra)|voi ai|cho ai|(ve tay|thuoc ve) ai|nguoi nao|ai la nguoi)\b/,
  // What happens to the one who did it: a fine or any sanction ("có phạt được không", "phạt theo quy định nào")…
  penalty:
    /\b(bi phat|phat (bao nhieu|the nao|ra sao|tien|sao|hanh chinh|vi pham hanh chinh)|(co )?(xu )?phat (duoc|dc) (khong|ko|k|kg|chu)|phat theo (quy dinh|luat|nghi dinh) nao|phat toi da|xu phat|muc phat|bi xu ly|xu ly vi pham|hinh thuc xu ly|xu ly (the nao|ra sao|sao|gi)|(bi|thi|se) xu (the nao|ra sao|sao|gi)|che tai|bi phat tu)\b/,
  // …or prison: the Criminal Code, not a fine — also whether his offence weighs more ("tội của chồng có nặng hơn không").
  prison:
    /\b(di tu|ngoi tu|phat tu|bi tu|vao tu|nam tu|truy cuu|hinh su|co toi|bi toi|toi gi|pham toi|toi danh|bi bat giam|toi cua (no|han|ck|chong|anh ay|thang do|ong ay|ong ta|hang) (co )?(nang|nhe) hon|xu (nang|nhe) hon|tang nang)\b/,
};

/**
 * The words with which the laws state a sanction: a fine, a warning, prison, criminal liability.
 * Retrieval finds them in an article's indexed words (rank/sanction.ts), the answer in its text.
 */
export const SANCTION_PHRASES: readonly string[] = [
  'phạt tiền',
  'phạt cảnh cáo',
  'phạt tù',
  'bị phạt',
  'xử phạt',
  'cải tạo không giam giữ',
  'trách nhiệm hình sự',
  'tù chung thân',
  'tử hình',
];

const GIVES: Record<Want, RegExp> = {
  duration: /\d+\s*(ngày|tháng|năm|tuần|giờ|phút)\b|\b(ngày|tháng|năm) (kể từ|trước|sau)\b|thời hạn|thời gian/u,
  amount: /\d[\d.,]*\s*(đồng|triệu|%|phần trăm|lần mức)|phạt tiền|mức (hưởng|trợ cấp|đóng|lương)/u,
  age: /\d+\s*(tuổi|tháng tuổi)|\b(đủ|dưới|từ) (mười|\d+)/u,
  where:
    /Tòa án|Công an|Ủy ban|UBND|cơ quan|Hội Liên hiệp|Trung tâm|tổng đài|đồn Biên phòng|Phòng|Sở |văn phòng|bộ phận một cửa|nơi cư trú|nơi (đăng ký|đóng)/u,
  who: /\b(mẹ|cha|vợ|chồng|con|người|bên|ông bà|anh chị em|Tòa án|cơ quan)\b/u,
  // Case-insensitive: a penalty decree's khoản starts "Phạt tiền từ …".
  penalty: new RegExp(SANCTION_PHRASES.join('|'), 'iu'),
  prison: /phạt tù|tù có thời hạn|tù chung thân|cải tạo không giam giữ|trách nhiệm hình sự|tử hình/iu,
};

/**
 * A sentence stating a sanction (a fine, prison). It answers what happens to the one who did it,
 * which a member asked about only when she asks about punishment: otherwise ("có sai luật không",
 * "chồng giữ hết lương") the rule itself — what the law forbids, what she is entitled to — comes
 * first and the sanction is named under "Xem thêm".
 */
export function statesSanction(text: string): boolean {
  return GIVES.penalty.test(withoutServing(text));
}

/**
 * A person serving a prison sentence ("cả cha và mẹ đang chấp hành án phạt tù", "đang chấp hành
 * hình phạt tù" among those who may not adopt, "chấp hành xong hình phạt tù"): whom a rule is about,
 * not a sentence the rule imposes. Asked "bố mẹ đều đang đi tù thì con có được coi là trẻ không nơi
 * nương tựa không", the khoản naming that case had been counted down as a sanction she did not ask.
 */
const SERVING = /(chấp hành|thi hành)( xong)? (án phạt tù|hình phạt tù|án tù)/giu;

function withoutServing(text: string): string {
  return text.normalize('NFC').replace(SERVING, ' ');
}

/**
 * Criminal liability said not to arise: a penalty decree fines an act "mà chưa đến mức truy cứu
 * trách nhiệm hình sự", a rule says someone "không bị truy cứu trách nhiệm hình sự". Neither
 * states prison: asked "có bị đi tù không", the decree's fine (BLHS ranked third) had led.
 */
const NOT_CRIMINAL = /(chưa đến mức|không bị|chưa bị|không đang bị|được miễn|miễn)( truy cứu)? trách nhiệm hình sự/giu;

/** Whether a text states prison or criminal liability, not its absence ("chưa đến mức truy cứu …"). */
export function statesPrison(text: string): boolean {
  return GIVES.prison.test(withoutServing(text).replace(NOT_CRIMINAL, ' '));
}

/**
 * Whether she asks for a list: the conditions, the papers, the cases, the people ("cần điều kiện
 * gì", "hồ sơ gồm những gì", "những trường hợp nào", "những ai"). A khoản that opens a list ("…
 * các điều kiện sau đây:") answers it whole; one of its điểm answers a part.
 */
const ASKS_LIST =
  /^dieu kien |\b(dieu kien (gi|nao|the nao|ra sao)|dieu kien( [a-z]+){1,4} (la gi|gom|the nao|ra sao|nhu the nao)|(can|phai co|gom|co) nhung (gi|ai|giay to gi)|giay to gi|ho so (gom|can|co) (gi|nhung)|nhung (truong hop|ai|gi|dieu kien|giay to|viec) (nao|gi)?|gom nhung|bao gom nhung|nhung (hanh vi|quyen) (nao|gi))\b/;
export function asksList(question: string): boolean {
  return ASKS_LIST.test(fold(question));
}

/** A fine named in the question ("phạt hành chính", "phạt tiền", "mấy triệu"): with no prison asked, a fine alone. */
const ASKS_FINE = /\b(phat tien|bao nhieu tien|tien bao nhieu|hanh chinh|may trieu|trieu dong)\b/;

/**
 * Whether she asks about a fine and not prison ("có phạt hành chính được không"): the Criminal
 * Code's sentence does not answer her, a penalty decree's fine does (retrieval's sanction bonus
 * and the answer's khoản read it alike).
 */
export function asksFineAlone(question: string, wants: Want[] = wantsOf(question)): boolean {
  const f = fold(question);
  return asksSanction(wants) && !wants.includes('prison') && namesFine(question) && !FINE_FACT.test(f) && !setsPrisonAside(f);
}

/**
 * A fine told as what already happened ("bị phạt hành chính rồi vẫn sống chung với bồ", "đã bị xử
 * phạt mà còn đánh"): the condition of the Criminal Code's offence, not a fine asked for.
 */
const FINE_FACT = /\b(da|tung) bi (xu )?phat\b|\bphat( vi pham)?( hanh chinh)? roi\b/;

/** Whether the question names a fine ("phạt tiền", "hành chính", "mấy triệu"), asked or not. */
export function namesFine(question: string): boolean {
  return ASKS_FINE.test(fold(question));
}

/** Whether the question asks what happens to the wrongdoer (a fine, prison). */
export function asksSanction(wants: Want[]): boolean {
  return wants.includes('penalty') || wants.includes('prison');
}

/**
 * Whether a member phrasing asks for another kind of answer than the question does: a sanction
 * she did not ask about, or a specific kind (how long, how much, where…) other than every one she
 * asks for. Such a phrasing matches her situation but answers another question.
 */
export function asksAnotherAnswer(phrasing: Want[], question: Want[]): boolean {
  if (asksSanction(phrasing) && !asksSanction(question)) return true;
  return question.length > 0 && phrasing.length > 0 && !phrasing.some((w) => question.includes(w));
}

/**
 * A question naming a "tội" (an offence: "Tội ngược đãi … là gì?") is about the Criminal Code.
 * Read with its dấu only: folded, "toi" is also "tôi" (I), and "tội nghiệp" is pity.
 */
const NAMES_OFFENCE = /(^|[\s,.?!"“(])tội (?!nghiệp|lỗi)/iu;

/**
 * Prison told as a fact of her life, not asked about: "chồng đang đi tù", "chồng đi tù 10 năm",
 * "anh ấy ra tù rồi", "đã bị bắt giam". "Chồng đi tù 10 năm, em có được ly hôn không" asks about
 * her divorce; the Criminal Code's sentence for bigamy does not answer it.
 */
const PRISON_FACT =
  /\b(dang|da|tung|vua|ra|man han) (di |ngoi |bi |vao |o )?(tu|bat giam)\b|\b(di tu|ngoi tu|bi tu|vao tu|o tu|bi bat giam)( (duoc|ca))? (\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (nam|thang)\b(?! (khong|ko|k|a)\b)|\b(di tu|ngoi tu|vao tu|o tu) (ve|roi|xong)\b/g;

/**
 * Prison said not to be at stake ("không đến mức đi tù thì bị phạt bao nhiêu", "chưa tới mức truy
 * cứu"): she asks about the fine below it, as a decree's "chưa đến mức truy cứu trách nhiệm hình
 * sự" states none.
 */
const PRISON_BELOW = /\b(khong|chua) (den|toi) muc (bi )?(di tu|ngoi tu|phat tu|bi tu|truy cuu|hinh su)\b/g;

/**
 * Prison set aside as already known ("ngoài đi tù ra còn bị phạt tiền không", "ngoài án tù thì
 * phải nộp gì nữa"): she asks what comes besides it — the Criminal Code's fine, confiscation,
 * probation ("Người phạm tội còn có thể bị phạt tiền …", the last khoản of each offence).
 */
const PRISON_BESIDE = /\bngoai (viec )?(di tu|ngoi tu|phat tu|bi tu|an tu|tu)\b/g;

/** Prison set aside (folded text): the fine she asks about is the Criminal Code's, not a decree's. */
function setsPrisonAside(f: string): boolean {
  PRISON_BESIDE.lastIndex = 0;
  return PRISON_BESIDE.test(f);
}

function asksPrison(f: string): boolean {
  if (!ASKS.prison.test(f)) return false;
  // Every mention a fact, prison said not at stake, or set aside: she asks nothing about prison.
  return ASKS.prison.test(f.replace(PRISON_FACT, ' ').replace(PRISON_BELOW, ' ').replace(PRISON_BESIDE, ' '));
}

/**
 * A period told, not asked: "mấy tháng nay", "mấy năm qua", "bao nhiêu năm trời", "mấy hôm liền" say how
 * long something has gone on ("ck cũ ko gửi tiền nuôi con mấy tháng nay rồi"); asked as "bao lâu", it
 * had led with the Criminal Code's sentence (a duration) instead of her right to the support.
 */
const PERIOD_TOLD = /\b(may|bao nhieu|vai|mot vai|ca) (thang|nam|ngay|tuan|hom|bua) (nay|qua|lien|troi)\b/g;

/** "Đi đâu cũng bị mỉa mai": wherever she goes, told, not asked. */
const EVERYWHERE_TOLD = /\b(di|den|o) dau cung (bi|la|thay|gap|nghe)\b/g;

export function wantsOf(question: string): Want[] {
  const f = fold(question).replace(PERIOD_TOLD, ' ').replace(EVERYWHERE_TOLD, ' ');
  const wants = (Object.keys(ASKS) as Want[]).filter((w) => (w === 'prison' ? asksPrison(f) : ASKS[w].test(f)));
  if (!wants.includes('prison') && NAMES_OFFENCE.test(question.normalize('NFC'))) wants.push('prison');
  return wants;
}

/**
 * The unit she asks a number in ("mấy ngày", "bao nhiêu phút", "mấy tiếng"), as the law writes it;
 * not an age ("mấy tháng tuổi").
 */
const UNIT_ASKED = /\b(?:may|bao nhieu) (ngay|thang|nam|tuan|gio|tieng|phut)\b(?! tuoi)/;
const UNIT_WRITTEN: Record<string, string> = { ngay: 'ngày', thang: 'tháng', nam: 'năm', tuan: 'tuần', gio: 'giờ', tieng: 'giờ', phut: 'phút' };

export function unitAsked(question: string): string | null {
  const m = UNIT_ASKED.exec(fold(question).replace(PERIOD_TOLD, ' '));
  return m ? UNIT_WRITTEN[m[1]!]! : null;
}

/**
 * 1 when the text gives every kind of answer the question wants (or it wants none), less otherwise.
 * Asked for a number of days, minutes or months (`unit`), a duration stated in that unit gives it
 * and one in another unit only half: "con dưới 12 tháng thì được nghỉ mỗi ngày bao nhiêu phút" is
 * answered by "60 phút mỗi ngày", not by the khoản that lasts "đến khi con đủ 12 tháng tuổi".
 */
export function fitsWants(text: string, wants: Want[], unit: string | null = null): number {
  if (!wants.length) return 1;
  let met = 0;
  for (const w of wants) {
    if (w === 'prison' ? !statesPrison(text) : !GIVES[w].test(text)) continue;
    met += w === 'duration' && unit && !new RegExp(`\\d\\s*${unit}(?![\\p{L}])`, 'u').test(text) ? 0.5 : 1;
  }
  return met / wants.length;
}

/**
 * An office, a court, a level of government or a hotline as the law names the one that acts or
 * receives: "Ủy ban nhân dân cấp xã nơi cư trú … thực hiện đăng ký khai sinh", "Tòa án nhân dân
 * đang thụ lý …", "Cơ quan Công an, Đồn Biên phòng gần nơi xảy ra …", "Tổng đài điện thoại quốc gia".
 */
// The Civil Code and the Gender Equality Law write the older "Uỷ ban" (tone mark on the y): the same office.
const AUTHORITY =
  /(Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Tòa án|Công an|Đồn Biên phòng|Sở Tư pháp|Phòng Tư pháp|Cơ quan đại diện|Cơ quan quản lý|cơ quan đăng ký|Trưởng thôn|Tổ trưởng tổ dân phố|Hội Liên hiệp|Hòa giải viên|Hội đồng trọng tài|Thanh tra|Trung tâm trợ giúp pháp lý|Tổng đài|[Nn]gười đứng đầu)/gu;
/** Where it is: its level, its place ("nơi cư trú", "gần nơi xảy ra"), the case it holds. */
const LOCATED = /^[^.;:]{0,60}?(cấp (xã|huyện|tỉnh)|nơi |đang thụ lý|điện thoại)/u;
/** The office she asks or hands her papers to ("có quyền yêu cầu Cơ quan quản lý …", "nộp tờ khai … cho cơ quan đăng ký hộ tịch"). */
const ASKED_OF = /(yêu cầu|nộp|gửi)[^.;:]*$/u;
/**
 * The one she reports to, named right after "báo cho" ("báo cáo ngay cho người đứng đầu cơ sở khám
 * bệnh", "thông báo cho Công an xã"): whom she tells, with no level or place written beside it.
 */
const TOLD_TO = /báo(?: cáo| tin)?(?: ngay)? cho $/u;
/** A paper another office issues ("giấy khám sức khỏe do cơ quan y tế cấp huyện trở lên cấp"): not where she goes. */
const ISSUED_BY = /\bdo [^;,.]{0,80}? cấp(?= *[;,.]|$)/gu;
/** Those a decision is sent to ("Quyết định … được gửi cho … Trưởng Công an xã"): told of it, not where she asks. */
const SENT_TO = /được gửi (cho|đến)[^.]*/gu;
/** A lead-in saying that what follows are the offices or addresses ("Địa chỉ tiếp nhận tin báo …", "… có thẩm quyền … bao gồm"). */
// An article titled for the competence and another matter ("Thẩm quyền đăng ký kết hôn và nội dung
// Giấy chứng nhận kết hôn"): only its khoản naming the office says where. The answer reads it too
// (extractive.ts: each khoản of a competence article says where).
export const COMPETENCE_TITLE = /^Thẩm quyền (?!xử phạt)(?!.* và nội dung )/u;
const LISTS_OFFICES = /^Địa chỉ tiếp nhận|thẩm quyền[^.]*(bao gồm|gồm)/u;

/**
 * Whether a unit of the law names the office, court, level of government or hotline where she goes
 * or whom she tells: asked "làm ở đâu", "báo cho ai", this answers, and a rule on what may be done
 * (who may change a child's name, the papers for adoption) does not. An office named with its level
 * or place, any office of an article titled for the competence ("Thẩm quyền đăng ký …"), or one
 * listed under a lead-in naming the offices.
 */
export function namesAuthority(text: string, leadIn: string | null = null, articleTitle: string | null = null): boolean {
  const own = text.normalize('NFC').replace(ISSUED_BY, ' ').replace(SENT_TO, ' ');
  if (/^Địa chỉ tiếp nhận/u.test(own)) return true;
  const named = [...own.matchAll(AUTHORITY)];
  if (!named.length) return false;
  if (
    named.some(
      (m) =>
        LOCATED.test(own.slice(m.index + m[0].length)) ||
        ASKED_OF.test(own.slice(Math.max(0, m.index - 80), m.index)) ||
        TOLD_TO.test(own.slice(Math.max(0, m.index - 30), m.index)),
    )
  )
    return true;
  // Who may fine is no place she goes to ("Thẩm quyền xử phạt … của Chủ tịch Ủy ban nhân dân").
  return COMPETENCE_TITLE.test(articleTitle ?? '') || (leadIn !== null && LISTS_OFFICES.test(leadIn.normalize('NFC')));
}

/**
 * Prison told as what already happened ("thằng em đánh mẹ bị đi tù, giờ mẹ mất nó vẫn đòi chia
 * phần", "chồng đã ngồi tù rồi"), not asked: the Criminal Code's sentence is her story, and what she
 * asks — whether he still inherits — is another rule's (BLDS Điều 621 khoản 1 điểm a had been led by
 * BLHS Điều 185). Read folded, in standard words; asked about prison in the same message ("có bị
 * đi tù không", "đi tù mấy năm"), it is asked. The answer alone reads it: retrieval's wants stay
 * (PRISON_FACT above is read by both).
 */
const IN_PRISON = '(?:di tu|ngoi tu|bi tu|vao tu|o tu)';
const PRISON_TOLD = new RegExp(
  `\\b(?:(?:da|dang|tung|vua|bi) ${IN_PRISON}|${IN_PRISON}(?: \\S+)? (?:roi|ve|xong)|${IN_PRISON},? (?:gio|bay gio|nay|sau do|sau nay|ma))\\b`,
);
const PRISON_ASKED = new RegExp(
  `\\b(?:(?:co|phai|se|co phai|co bi) (?:bi )?${IN_PRISON}|${IN_PRISON} (?:bao lau|may nam|bao nhieu nam)|${IN_PRISON}(?: \\S+){0,2} (?:khong|chu|a|ha|nhi)|bi tu (?:khong|chu)|co toi|bi toi|toi gi|pham toi|truy cuu|hinh su)\\b`,
);

export function prisonToldAsFact(question: string): boolean {
  const f = fold(question.normalize('NFC').toLowerCase());
  return PRISON_TOLD.test(f) && !PRISON_ASKED.test(f);
}

/**
 * Whether he can still be fined or dealt with, the wrongdoer named between or "nữa" ("còn phạt được
 * nó nữa không", "xử lý được hắn không"): a sanction asked, as "phạt được không" is. "ck đánh e từ
 * năm ngoái, giờ e mới đi báo xã thì còn phạt được nó nữa không" had read no kind of answer and led
 * with how the commune handles a report (PCBLGĐ Điều 20), not the one-year limit on fines (NĐ 282
 * Điều 6). Read for the answer only, as prison told is: retrieval's wants do not change.
 */
const WRONGDOER = '(?:no|han|hang|ong ay|anh ay|ong ta|ba ta|ba ay|chong|ck|chong cu|ck cu|thang do|thang kia|bo chong|me chong|nguoi do|ho)';
const PENALTY_ON_HIM = new RegExp(`\\b(?:phat|xu ly) (?:duoc|dc) (?:${WRONGDOER} nua|${WRONGDOER}|nua) (?:khong|ko|k|kg|chu)\\b`);

export function asksPenaltyOnHim(question: string): boolean {
  return PENALTY_ON_HIM.test(fold(question.normalize('NFC').toLowerCase()));
}

/**
 * Her wants for the answer: prison told as what happened is not asked (prisonToldAsFact); a sanction
 * asked with the wrongdoer named is (asksPenaltyOnHim).
 */
export function answerWants(question: string, wants: Want[] = wantsOf(question)): Want[] {
  const read = prisonToldAsFact(question) ? wants.filter((w) => w !== 'prison') : wants;
  return !read.includes('penalty') && asksPenaltyOnHim(question) ? [...read, 'penalty'] : read;
}
