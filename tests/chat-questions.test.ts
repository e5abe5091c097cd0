import { describe, expect, it } from 'vitest';
import { respond } from '../server/chat/respond.js';
import { askedSeparately } from '../server/chat/steps/questions.js';
import { bundledServices } from './helpers/app.js';

describe('several questions in one message (chat/steps/questions.ts)', () => {
  it('reads numbered questions, with what she tells before them as the story', () => {
    expect(askedSeparately('Em hỏi 2 việc ạ: 1. Ly hôn thì con 2 tuổi ở với ai? 2. Chồng có phải gửi tiền nuôi con không?')).toEqual({
      story: 'Em hỏi 2 việc ạ:',
      questions: ['Ly hôn thì con 2 tuổi ở với ai?', 'Chồng có phải gửi tiền nuôi con không?'],
    });
    expect(askedSeparately('thu nhat, ck giu het luong co phai bao luc khong. thu hai, bao cong an xa thi ho lam gi')?.questions).toEqual([
      'ck giu het luong co phai bao luc khong.',
      'bao cong an xa thi ho lam gi',
    ]);
  });

  it('reads two sentences ending in "?" as two questions, the others as the story', () => {
    expect(askedSeparately('Chồng đi làm xa 3 năm. Em muốn ly hôn thì cần giấy tờ gì? Nhà đất đứng tên cả hai thì chia thế nào?')).toEqual({
      story: 'Chồng đi làm xa 3 năm.',
      questions: ['Em muốn ly hôn thì cần giấy tờ gì', 'Nhà đất đứng tên cả hai thì chia thế nào'],
    });
  });

  it('reads one question as one, and a short question leaning on the one before as part of it', () => {
    expect(askedSeparately('nghỉ thai sản được mấy tháng vậy mọi người?')).toBeNull();
    expect(askedSeparately('Chồng em đánh em suốt, em có được ly hôn không? Sao vậy?')).toBeNull();
    // Weekdays are no numbered items, nor are amounts and ages.
    expect(askedSeparately('thứ hai tuần trước chồng đánh em gãy tay, thứ ba lại đuổi em ra khỏi nhà, em có được ly hôn không')).toBeNull();
    expect(askedSeparately('lương 5.000.000 một tháng, con 2 tuổi thì mức cấp dưỡng bao nhiêu?')).toBeNull();
  });
});

describe('the offline answer states a rule for each of her questions', () => {
  const ctx = bundledServices();
  const body = (answer: string) => answer.split('\nXem thêm:')[0]!;

  it('answers the second question too, naming which one it answers', async () => {
    const r = await respond(ctx.services, {
      message: 'Cho em hỏi hai ý: câu 1: con gái 17 tuổi có được lấy chồng không? câu 2: đóng bảo hiểm bao nhiêu năm thì được lương hưu?',
    });
    expect(r.kind).toBe('answer');
    expect(body(r.answer)).toMatch(/Điều 64 Luật Bảo hiểm xã hội/u);
    expect(body(r.answer)).toMatch(/^Về câu “con gái 17 tuổi có được lấy chồng không\?”: .*Điều 8 Luật Hôn nhân và gia đình/mu);
    // The article stated for the first question is not named again under "Xem thêm".
    expect(r.answer.split('\nXem thêm:')[1] ?? '').not.toMatch(/Điều 8 Luật Hôn nhân và gia đình/u);
    // Every rule stated is cited from what was found.
    for (const m of body(r.answer).matchAll(/Điều (\d+) Luật/gu)) expect(r.citations.some((c) => c.article === m[1])).toBe(true);
  });

  it('answers a single question as before, with no "Về câu" line', async () => {
    const r = await respond(ctx.services, { message: 'nghỉ thai sản được mấy tháng vậy mọi người?' });
    expect(r.answer).not.toMatch(/Về câu “/u);
  });
});
