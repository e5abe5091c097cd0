import { describe, expect, it } from 'vitest';
import { namesAuthority, wantsOf } from '../server/answer/plain/intent.js';

describe('asked where: the unit naming the office', () => {
  it('reads an office with its level or place as where she goes', () => {
    expect(namesAuthority('Ủy ban nhân dân cấp xã nơi cư trú của người cha hoặc người mẹ thực hiện đăng ký khai sinh.')).toBe(true);
    expect(namesAuthority('Cơ quan Công an, Đồn Biên phòng gần nơi xảy ra hành vi bạo lực gia đình;')).toBe(true);
    expect(namesAuthority('Hòa giải viên lao động;', null, 'Thẩm quyền giải quyết tranh chấp lao động cá nhân')).toBe(true);
  });
  it('does not read a rule on what may be done, a paper issued or a decision sent as where', () => {
    expect(
      namesAuthority('Thay đổi họ, chữ đệm và tên của cá nhân trong nội dung khai sinh đã đăng ký khi có căn cứ theo quy định của pháp luật dân sự.'),
    ).toBe(false);
    expect(
      namesAuthority(
        'Giấy khám sức khỏe do cơ quan y tế cấp huyện trở lên cấp; văn bản xác nhận hoàn cảnh gia đình do Ủy ban nhân dân cấp xã nơi người nhận con nuôi thường trú cấp;',
      ),
    ).toBe(false);
    expect(
      namesAuthority('Quyết định cấm tiếp xúc có hiệu lực ngay sau khi ký ban hành và được gửi cho người có hành vi bạo lực gia đình, Trưởng Công an xã.'),
    ).toBe(false);
    expect(
      namesAuthority('Phạt tiền đối với hành vi sau đây, thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân', null, 'Thẩm quyền xử phạt vi phạm hành chính'),
    ).toBe(false);
  });
  it('reads the older spelling "Uỷ ban" of the Civil Code as the same office', () => {
    // BLDS Điều 636 khoản 1: a will made before the commune's official; asked where, it says where.
    expect(
      namesAuthority('Người lập di chúc tuyên bố nội dung của di chúc trước công chứng viên hoặc người có thẩm quyền chứng thực của Uỷ ban nhân dân cấp xã.'),
    ).toBe(true);
  });
  it('does not read "đi đâu cũng bị" as asking where', () => {
    expect(wantsOf('hàng xóm nói xấu, đi đâu cũng bị mỉa mai, có vi phạm gì không')).not.toContain('where');
    expect(wantsOf('muốn đổi tên cho con thì làm ở đâu')).toContain('where');
  });
  it('reads the one she reports to, named right after "báo cho", as whom she tells', () => {
    // PCBLGĐ Điều 29 khoản 2: a health worker asked "tôi phải báo cho ai" is answered by this khoản.
    expect(
      namesAuthority(
        'Nhân viên y tế trong quá trình chăm sóc, điều trị người bệnh, nếu phát hiện người bệnh có dấu hiệu bị bạo lực gia đình có trách nhiệm báo cáo ngay cho người đứng đầu cơ sở khám bệnh, chữa bệnh.',
      ),
    ).toBe(true);
    // The head of a facility as the one who acts, not the one told: not where she goes.
    expect(namesAuthority('Người đứng đầu cơ sở giáo dục có trách nhiệm tổ chức giáo dục kỹ năng cho học sinh.')).toBe(false);
  });
});
