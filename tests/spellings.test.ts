import { describe, expect, it } from 'vitest';
import { spelledAsTyped, spellingSet, termSpellings } from '../server/retrieval/spellings.js';

describe('the spellings she typed (for the answer, whose word matching is folded)', () => {
  const tokens = ['chồng', 'say', 'xỉn', 'đuổi', 'em'];

  it('lists the syllables and pairs she typed with a mark, and no bare one alone', () => {
    const s = termSpellings(tokens, false);
    expect(s.xin).toEqual([['xỉn']]);
    expect(s.sayxin).toEqual([['xỉn']]);
    expect(s.chongsay).toEqual([['chồng']]);
    expect(s.say).toBeUndefined();
    expect(s.em).toBeUndefined();
  });

  it('holds no spelling when the message counts as typed without dấu', () => {
    expect(termSpellings(tokens, true)).toEqual({});
  });

  it('matches a term only where the text spells it as she did, a bare term anywhere', () => {
    const s = termSpellings(tokens, false);
    expect(spelledAsTyped('xin', s, spellingSet('Buộc xin lỗi công khai'))).toBe(false);
    expect(spelledAsTyped('xin', s, spellingSet('uống rượu say xỉn'))).toBe(true);
    expect(spelledAsTyped('say', s, spellingSet('Say rượu'))).toBe(true);
    expect(spelledAsTyped('xin', undefined, spellingSet('xin lỗi'))).toBe(true);
  });

  it("also accepts the law's own spelling of a word she typed, from the thesaurus's concepts", () => {
    const s = termSpellings(['bị', 'xâm', 'hai'], false, ['xâm hại tình dục']);
    expect(s.bi).toEqual([['bị']]);
    // "hai" was typed bare: no constraint; "xâm" also typed, the concept adds nothing new.
    expect(s.hai).toBeUndefined();
    const t = termSpellings(['cưỡng', 'ép'], false, ['cưỡng ép; ép buộc']);
    expect(t.ep).toEqual([['ép']]);
  });
});
