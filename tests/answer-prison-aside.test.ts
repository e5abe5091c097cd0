import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respond } from '../server/chat/respond.js';
import { asksFineAlone, wantsOf } from '../server/answer/plain/intent.js';
import { buildEvalStore, defaultCorpusDirs } from '../eval/store.js';

/** "Ngoài đi tù ra còn bị phạt tiền không": prison set aside, she asks what comes besides it. */
describe('prison set aside ("ngoài đi tù ra")', () => {
  it('does not read prison as asked when it is set aside', () => {
    expect(wantsOf('ngoai di tu ra thi ke buon nguoi con bi phat tien ko')).not.toContain('prison');
    expect(wantsOf('ngoài án tù thì nó còn bị phạt gì nữa không')).not.toContain('prison');
    expect(wantsOf('kẻ buôn người bị đi tù mấy năm')).toContain('prison');
  });

  it('keeps the Criminal Code’s fine, not a decree’s fine alone', () => {
    expect(asksFineAlone('ngoai di tu ra thi ke buon nguoi con bi phat tien ko')).toBe(false);
    expect(asksFineAlone('chửi vợ thì bị phạt tiền bao nhiêu')).toBe(true);
  });

  let store: Awaited<ReturnType<typeof buildEvalStore>>;
  beforeAll(async () => {
    store = await buildEvalStore(defaultCorpusDirs());
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('leads with the offence’s last khoản: the fine besides prison', async () => {
    const r = await respond(store.services, { message: 'ngoai di tu ra thi ke buon nguoi con bi phat tien ko, bao nhieu tien' });
    const c = r.citations[0];
    expect(`${c?.document.number} Đ${c?.article} k${c?.clause}`).toBe('100/2015/QH13 Đ150 k4');
  }, 120_000);
});
