import { describe, expect, it } from 'vitest';
import { TYPING_KINDS, retypeQuestion, wordsOf } from '../eval/typing.js';

const q = 'Chồng tôi giữ hết lương, không đưa tiền nuôi con thì sao?';

/** The syllables that differ between the question and its retyping, as [typed, retyped]. */
function changes(a: string, b: string): [string, string][] {
  const [x, y] = [wordsOf(a), wordsOf(b)];
  expect(y.length).toBe(x.length);
  return x.map((w, i): [string, string] => [w, y[i]!]).filter(([w, v]) => w !== v);
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .toLowerCase();

describe('questions retyped with phone errors (eval/typing.ts)', () => {
  it('is deterministic per question, kind and seed, and every kind changes at least one syllable', () => {
    for (const kind of TYPING_KINDS) {
      expect(retypeQuestion('a', q, kind)).toBe(retypeQuestion('a', q, kind));
      expect(changes(q, retypeQuestion('a', q, kind)).length, kind).toBeGreaterThan(0);
    }
    const seeds = new Set([1, 2, 3, 4, 5].map((s) => retypeQuestion('a', q, 'mixed', s)));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('swaps hỏi and ngã (or ngã for nặng), keeping the letters', () => {
    const words = 'giữ cũng sửa vẫn nghỉ của ngã';
    for (const [a, b] of changes(words, retypeQuestion('b', words, 'hỏi-ngã'))) {
      expect(fold(b)).toBe(fold(a));
      expect(b.normalize('NFD')).toMatch(/[\u0309\u0303\u0323]/);
    }
  });

  it('leaves out a tone or a vowel mark, or every mark, without changing the letters', () => {
    for (const kind of ['no-tone', 'no-vowel-mark', 'bare-syllables']) {
      for (const [a, b] of changes(q, retypeQuestion('c', q, kind))) {
        expect(fold(b), kind).toBe(fold(a));
        if (kind === 'no-tone') expect(b.normalize('NFD'), a).not.toMatch(/[\u0300\u0301\u0303\u0309\u0323]/);
        if (kind === 'no-vowel-mark') expect(b.normalize('NFD'), a).not.toMatch(/[\u0302\u0306\u031bđ]/);
      }
    }
    expect(retypeQuestion('d', 'đánh', 'bare-syllables')).toBe('danh');
  });

  it('spells initials and finals by ear: s/x, ch/tr, d/gi/r, n/ng, t/c, i/y', () => {
    const heard = new Set(['xảy', 'sảy', 'chanh', 'tranh', 'dành', 'giành', 'hôn', 'hông', 'lương', 'lươn', 'mất', 'mấc', 'ly', 'li']);
    for (const w of ['sảy', 'tranh', 'giành', 'hôn', 'lương', 'mất', 'ly']) {
      const [[, b]] = changes(w, retypeQuestion(w, w, 'dialect')) as [[string, string]];
      expect(heard.has(b), `${w} → ${b}`).toBe(true);
    }
    // Nothing to spell otherwise: left as typed.
    expect(retypeQuestion('e', 'bố mẹ', 'dialect')).toBe('bố mẹ');
  });

  it('keeps capitals, punctuation and spacing', () => {
    const out = retypeQuestion('f', q, 'mixed');
    expect(out.replace(/\p{L}+/gu, 'w')).toBe(q.replace(/\p{L}+/gu, 'w'));
    expect(out[0]).toBe(out[0]!.toUpperCase());
  });
});
