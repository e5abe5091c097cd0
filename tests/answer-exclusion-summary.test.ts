import { describe, expect, it } from 'vitest';
import { readRequest } from '../server/safety/requests.js';
import { respond } from '../server/chat/respond.js';
import { bundledServices } from './helpers/app.js';

describe('an excluded case she names, summed up in the article plain sentence too (units.ts, exclusionCaseNamed)', () => {
  const ctx = bundledServices();
  const lead = async (message: string) => (await respond(ctx.services, { message })).citations[0];

  it('leads with the khoản listing who may not adopt when she names its case, not the age gap', async () => {
    // Luật Nuôi con nuôi Điều 14: the article's plain sentence names "người đang đi tù" too, which
    // had made khoản 2 điểm c look like a case she does not name.
    for (const q of ['người đang đi tù có được nhận con nuôi không', 'ck e dang di tu, vay e voi ck co nhan con nuoi dc ko'])
      expect(await lead(q), q).toMatchObject({ document: { number: '52/2010/QH12' }, article: '14', clause: '2' });
    // The age gap asked still leads with it.
    expect(await lead('nhận con nuôi phải hơn con bao nhiêu tuổi')).toMatchObject({ article: '14', clause: '1', point: 'b' });
  }, 60_000);
});

describe("the adoption law's own words are no forger's trade (safety/data/requests.tsv)", () => {
  it('answers the papers of a child to be adopted, still refuses a forger asked for', () => {
    for (const q of ['hồ sơ của bé được nhận làm con nuôi cần những giấy tờ gì', 'ho so cua be duoc nhan lam con nuoi can nhung giay to gi'])
      expect(readRequest(q), q).toBeNull();
    for (const q of ['cho nao nhan lam giay khai sinh gia cho con', 'ai nhận làm giấy tờ giả để nhận làm con nuôi'])
      expect(readRequest(q)).toMatchObject({ kind: 'unlawful', name: 'forgery' });
  });
});
