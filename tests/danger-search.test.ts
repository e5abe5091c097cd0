import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../server/answer/templates.js';
import { respond } from '../server/chat/respond.js';
import { dangerSearch } from '../server/chat/steps/danger-search.js';
import { readMessage } from '../server/safety/gate.js';
import { bundledServices } from './helpers/app.js';

/**
 * In danger, the law she is told of is about the danger: the harm the safety layer read is also
 * searched for, in the law's own words (prompts/danger-search.tsv).
 */
describe('the law searched for the danger she tells of', () => {
  it('writes every phrase as a bundled law writes it', () => {
    const laws = fs
      .readdirSync('corpus')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => fs.readFileSync(path.join('corpus', f), 'utf8').normalize('NFC'))
      .join('\n');
    const phrases = readTable('danger-search.tsv').flatMap(([, v]) => v!.split(';').map((p) => p.trim()));
    expect(phrases.length).toBeGreaterThan(10);
    expect(phrases.filter((p) => !laws.includes(p))).toEqual([]);
  });

  it('adds the words of the harm read in an emergency, a child’s where a child is at risk, and nothing otherwise', () => {
    expect(dangerSearch(readMessage('chồng em có được giữ hết lương của em không'))).toBeNull();
    // Urgent, not now: her legal question leads the search alone.
    const past = readMessage('con bé bị ông hàng xóm sờ mó hồi năm ngoái, giờ em muốn kiện');
    expect(past.level).toBe('urgent');
    expect(dangerSearch(past)).toBeNull();
    const child = dangerSearch(readMessage('bố dượng đêm nào cũng sờ mó con gái 9 tuổi của em, giờ ông ta đang ở nhà'));
    expect(child).toContain('dâm ô');
    expect(dangerSearch(readMessage('em đang bị chồng nhốt trong nhà kho, không cho ăn'))).toContain('giam cầm');
  });

  /** An emergency whose search is her own words alone: no harm's words are added. */
  const expectHerWordsOnly = (m: string) => {
    const read = readMessage(m);
    expect(read.level, m).toBe('emergency');
    expect(dangerSearch(read, m), m).toBeNull();
  };

  it('adds nothing when she asks for the protection itself: her words name the order or the shelter', () => {
    for (const m of [
      'Chồng tôi cứ say rượu về là đánh đập tôi, đe dọa giết cả mẹ con. Tôi muốn xin cho anh ta không được lại gần mẹ con tôi nữa thì làm thế nào?',
      'chồng đang cầm dao đòi giết em, em trốn sang nhà hàng xóm, có nhà tạm lánh nào không',
    ])
      expectHerWordsOnly(m);
    const m = 'chồng đang cầm dao đòi giết em';
    expect(dangerSearch(readMessage(m), m)).toContain('bạo lực gia đình');
  });

  it('adds nothing when she asks something the answer reads — what happens to him, whom to tell, how long: her words find it', () => {
    for (const m of [
      'Thằng kia dụ đứa cháu 10 tuổi của tôi cởi đồ quay clip gửi cho nó qua mạng. Nó phạm tội gì',
      'thằng đó đang giữ con gái 12 tuổi của em trong nhà nó không cho về, nó phạm tội gì',
      'ck dang danh e chay mau dau, han co bi tu ko',
      'bố dượng đang đánh con bé hàng xóm tím người, em muốn báo thì báo cho ai',
    ])
      expectHerWordsOnly(m);
    // The same danger, asking nothing of the sanction: the harm's words join hers.
    const m = 'Thằng kia dụ đứa cháu 10 tuổi của tôi cởi đồ quay clip gửi cho nó qua mạng, giờ làm sao';
    expect(readMessage(m).level).toBe('emergency');
    expect(dangerSearch(readMessage(m), m)).not.toBeNull();
  });

  it('tells a child touched the law on touching (dâm ô), a child raped the law on rape', () => {
    for (const m of ['bo duong sam so con gai em 12 tuoi', 'chú nó cứ sờ vào chỗ kín của con bé 6 tuổi']) {
      const read = readMessage(m);
      expect(read.level, m).toBe('emergency');
      expect(read.danger.touchedOnly, m).toBe(true);
      expect(dangerSearch(read), m).toContain('dâm ô đối với người dưới 16 tuổi');
      expect(dangerSearch(read), m).not.toContain('hiếp dâm');
    }
    const raped = readMessage('con gai em 12 tuoi bi thang hang xom hiep');
    expect(raped.danger.touchedOnly).toBeUndefined();
    expect(dangerSearch(raped)).toContain('hiếp dâm người dưới 16 tuổi');
  });

  describe('through the chat', () => {
    const ctx = bundledServices();

    it('states the law on the abuse of a child, not on adopting a stepchild', async () => {
      // "bố dượng" alone matches the adoption law's "cha dượng"; the danger is the abuse.
      const r = await respond(ctx.services, { message: 'bố dượng đêm nào cũng sờ mó con gái 9 tuổi của em, giờ ông ta đang ở nhà' });
      expect(r.kind).toBe('emergency');
      expect(r.citations[0]).toMatchObject({ document: { number: '100/2015/QH13' }, article: '146' });
    });

    it('states the offence of touching a child, not of raping one, for a child groped', async () => {
      const r = await respond(ctx.services, { message: 'chú nó cứ sờ vào chỗ kín của con bé 6 tuổi' });
      expect(r.kind).toBe('emergency');
      expect(r.citations[0]).toMatchObject({ document: { number: '100/2015/QH13' }, article: '146' });
    });

    it('states no law to a woman who wants to die: the numbers and what to do now, no one to get away from', async () => {
      const r = await respond(ctx.services, { message: 'em không muốn sống nữa' });
      expect(r.kind).toBe('emergency');
      expect(r.citations).toEqual([]);
      expect(r.suggestions).toEqual([]);
      expect(r.answer).toMatch(/115/);
      expect(r.answer).toMatch(/người chị tin/);
      expect(r.answer).not.toMatch(/Về pháp luật|Ra khỏi chỗ người đó|Điều \d/);
      // Someone doing it: a safe place first, and the law.
      const cry = await respond(ctx.services, { message: 'chồng em đang đánh em' });
      expect(cry.answer).toMatch(/Ra khỏi chỗ người đó[\s\S]*Về pháp luật/);
      expect(cry.citations.length).toBeGreaterThan(0);
    });

    it('states that kicking a pregnant wife is domestic violence, not the Labour Code on pregnant workers', async () => {
      const r = await respond(ctx.services, { message: 'em có bầu 8 tháng bị chồng đá vào bụng giờ đang chảy máu' });
      expect(r.kind).toBe('emergency');
      expect(r.citations[0]?.document.number).toBe('13/2022/QH15');
    });
  });
});
