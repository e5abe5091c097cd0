import { describe, expect, it } from 'vitest';
import { respond } from '../server/chat/respond.js';
import { readTyping } from '../server/safety/normalise.js';
import { bundledServices } from './helpers/app.js';

/** A library that writes these spellings and pairs, and holds these words whole. */
const library = {
  writes: (w: string) => ['sản', 'tháng', 'được', 'mấy', 'nghỉ', 'chồng', 'đánh', 'làm', 'thì'].includes(w),
  keeps: (w: string) => ['karaoke', 'video'].includes(w),
  pairs: (a: string, b: string) => `${a} ${b}` === 'chong danh' || `${a} ${b}` === 'danh em',
};

describe('her typing slips read back before the search (safety/normalise.ts readTyping, safety/typing.ts)', () => {
  it('reads Telex keys left in a message typed with the input method off', () => {
    expect(readTyping('choongf em ddanhs em thif lamf sao', library)).toBe('chồng em đánh em thì làm sao');
    expect(readTyping('nghir thai sanr dduowcj maays thangs', library)).toBe('nghỉ thai sản được mấy tháng');
  });

  it('reads VNI digits left in a message typed with the input method off', () => {
    expect(readTyping('cho6ng2 d9a1nh em thi2 em pha3i la2m sao', { ...library, writes: (w) => library.writes(w) || w === 'phải' })).toBe(
      'chồng đánh em thì em phải làm sao',
    );
    expect(readTyping('nguoi72 ta d9a1nh em', { writes: (w) => ['người', 'đánh'].includes(w) })).toBe('người ta đánh em');
  });

  it('reads no Telex where one word alone would read so: an English word among Vietnamese ones', () => {
    expect(readTyping('bạn em bị chuốc thuốc ở quán bar rồi', library)).toBe('bạn em bị chuốc thuốc ở quán bar rồi');
  });

  it('undoes letters repeated or doubled, and keeps case and punctuation', () => {
    expect(readTyping('Cứuuuu emmm, chồng đáánh em!', library)).toBe('Cứu em, chồng đánh em!');
  });

  it('cuts words run together only where the library writes the pieces side by side', () => {
    expect(readTyping('chongdanhem thi lam sao', library)).toBe('chong danh em thi lam sao');
    expect(readTyping('em làm ở quán karaoke, chủ giữ video', library)).toBe('em làm ở quán karaoke, chủ giữ video');
    expect(readTyping('ở Singapore có được đẻ con thứ ba không', library)).toBe('ở Singapore có được đẻ con thứ ba không');
  });

  it('never reads digits inside a word as letters: a decree or an age stays as typed', () => {
    expect(readTyping('nđ144 phạt bao nhiêu, con 15t', library)).toBe('nđ144 phạt bao nhiêu, con 15t');
  });
});

describe('a message typed in Telex is searched and answered as the same message typed with dấu', () => {
  const ctx = bundledServices();

  it('finds the same first articles through the services’ retriever', async () => {
    const { retriever } = ctx.services;
    for (const [typed, meant] of [
      ['choongf em ddanhs em thif lamf sao', 'chồng em đánh em thì làm sao'],
      ['nghir thai sanr dduowcj maays thangs', 'nghỉ thai sản được mấy tháng'],
    ] as const) {
      const [a, b] = await Promise.all([retriever.search(typed, { k: 3 }), retriever.search(meant, { k: 3 })]);
      expect(a.hits.length).toBeGreaterThan(0);
      expect(a.hits.map((h) => `${h.document.number} ${h.article}`)).toEqual(b.hits.map((h) => `${h.document.number} ${h.article}`));
    }
  });

  it('answers with the same lead, and stores her message as she typed it', async () => {
    const typed = 'nghir thai sanr dduowcj maays thangs vaajy';
    const [a, b] = [await respond(ctx.services, { message: typed }), await respond(ctx.services, { message: 'nghỉ thai sản được mấy tháng vậy' })];
    expect(a.kind).toBe('answer');
    expect(a.citations[0]).toBeDefined();
    expect(a.citations[0]!.article).toBe(b.citations[0]!.article);
    expect(a.citations[0]!.clause).toBe(b.citations[0]!.clause);
    const stored = await ctx.services.db.query<{ content: string }>("select content from messages where conversation_id = $1 and role = 'user'", [
      a.conversationId,
    ]);
    expect(stored.rows.map((r) => r.content)).toEqual([typed]);
  });
});
