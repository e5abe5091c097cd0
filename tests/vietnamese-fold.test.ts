import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold, foldedSyllables, foldReference, syllables } from '../ingest/text/vietnamese.js';
import { searchText } from '../ingest/pipeline.js';
import { analyzeQuery } from '../server/retrieval/query.js';

/**
 * `fold` is on every search's hot path and is computed from a per-character table with a memo;
 * it must give exactly what the definition (NFD, strip marks, đ → d, lower-case, NFC) gives.
 */

const ROOT = path.resolve(import.meta.dirname, '..');

function corpusTexts(): string[] {
  const dir = path.join(ROOT, 'corpus');
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(txt|md|tsv)$/.test(f))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

describe('fold', () => {
  it('equals the reference on every line and word of the bundled laws', () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(3);
    let lines = 0;
    const wrong: string[] = [];
    for (const text of texts) {
      for (const line of text.split('\n')) {
        lines++;
        for (const s of [line, ...line.split(/\s+/)]) if (fold(s) !== foldReference(s)) wrong.push(s);
      }
    }
    expect(lines).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });

  it('equals the reference where characters interact or fall outside the table', () => {
    const cases = [
      'Ly hôn',
      'LY HÔN',
      'ĐƯỜNG Đi',
      'đ',
      'Đ',
      'ly ho\u0302n', // decomposed input (NFD) from some keyboards
      'Nguye\u0302\u0303n', // two marks on one letter, decomposed
      'e\u0301\u0323', // marks in non-canonical order
      'İstanbul', // capital I with dot: lower-cases to two characters
      'ΟΔΟΣ ΣΟΦΟΣ', // Greek final sigma lower-cases by context
      'a\u0483b', // a mark outside the stripped block
      'chị ơi 😢 giúp em', // emoji (surrogate pairs)
      'Ǆ ǅ ǆ ẞ Å Ω ﬁ', // ligatures, sharp s, compatibility characters
      '“Điều 5” – khoản 2…',
      'ứng xử',
      '',
      ' ',
      '\u00a0',
      'ＡＢＣ', // full-width letters
      'Hà Nội\u0300', // a stray mark after a precomposed letter
    ];
    for (const s of cases) {
      expect(fold(s), s).toBe(foldReference(s));
      // And again, now from the memo.
      expect(fold(s), s).toBe(foldReference(s));
    }
  });

  it('equals the reference on random strings of Vietnamese letters, marks and symbols', () => {
    const alphabet = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÁÀẢÃẠẾỀỂỄỆỨỪỬỮỰ 0123456789.,;:!?-–“”"\'()\n\t',
    ];
    const extra = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0306', '\u0302', '\u031b', '\u0483', 'Σ', 'İ', '😀', 'ﬁ', 'Ω'];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const wrong: string[] = [];
    for (let i = 0; i < 20000; i++) {
      let s = '';
      const len = 1 + rand(30);
      for (let j = 0; j < len; j++) s += rand(10) === 0 ? extra[rand(extra.length)] : alphabet[rand(alphabet.length)];
      if (fold(s) !== foldReference(s)) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });
});

describe('one spelling per syllable for matching', () => {
  it('reads the old-style tone of a final oa/oe/uy as the new style, leaving qu- and closed syllables alone', () => {
    expect(syllables('Hoà giải THUỶ sản khoẻ mạnh xoè')).toEqual(['hòa', 'giải', 'thủy', 'sản', 'khỏe', 'mạnh', 'xòe']);
    expect(syllables('hòa thúy quý quỳ hoàn ngoài hoạch')).toEqual(['hòa', 'thúy', 'quý', 'quỳ', 'hoàn', 'ngoài', 'hoạch']);
  });

  it('matches a vocabulary phrase typed in the other style', () => {
    expect(analyzeQuery('hoà giải ở cơ sở thế nào').concepts).toEqual(analyzeQuery('hòa giải ở cơ sở thế nào').concepts);
    expect(analyzeQuery('hoà giải ở cơ sở thế nào').concepts.length).toBeGreaterThan(0);
  });
});

describe('the percent sign', () => {
  it('reads "%" as "phần trăm", in the law\'s text and in her question alike', () => {
    expect(foldedSyllables('ít nhất bằng 85% mức lương')).toEqual(['it', 'nhat', 'bang', '85', 'phan', 'tram', 'muc', 'luong']);
    expect(syllables('thử việc được bao nhiêu %')).toEqual(['thử', 'việc', 'được', 'bao', 'nhiêu', 'phần', 'trăm']);
    expect(searchText('Điều 26. Tiền lương thử việc', 'ít nhất phải bằng 85% mức lương')).toContain('phantram');
  });
});

describe('phone shorthand (colloquial-forms.tsv)', () => {
  it('reads the shorthand members type on a phone as the words it stands for', () => {
    expect(analyzeQuery('ck e ntn thi moi dc ly hon').tokens.join(' ')).toBe('chồng em như thế nào thi moi được ly hon');
    expect(analyzeQuery('ox ko cho e di dkkh').tokens.join(' ')).toBe('chồng không cho em di đăng ký kết hôn');
    expect(analyzeQuery('gđ e lm ruộng, bx ns j cx ko nghe').tokens.join(' ')).toBe('gia đình em làm ruộng vợ nói gì cũng không nghe');
    // A question frame in shorthand is a frame: "ntn" adds no search term.
    expect(analyzeQuery('ly hon ntn').terms).toEqual(['ly', 'hon']);
  });
});

describe('North-Central forms (colloquial-forms.tsv)', () => {
  it('reads bọ, mạ, mần, dìa typed with their dấu as bố, mẹ, làm, về', () => {
    expect(analyzeQuery('mạ chồng đuổi tui dìa nhà mạ đẻ').tokens.join(' ')).toBe('mẹ chồng đuổi tui về nhà mẹ đẻ');
    expect(analyzeQuery('đi mần ở công ty mà bị đuổi').concepts).toContain('sa thải; đơn phương chấm dứt hợp đồng lao động');
    expect(analyzeQuery('bọ chồng tui mất để lại đất').tokens.slice(0, 2)).toEqual(['bố', 'chồng']);
    // "mệ" is the grandmother (bà), as said in Huế and Quảng Trị.
    expect(analyzeQuery('mệ ngoại nhận cháu làm con nuôi được không').tokens.slice(0, 2)).toEqual(['bà', 'ngoại']);
  });

  it('leaves them alone typed without dấu, and inside standard words that hold them', () => {
    expect(analyzeQuery('bo tui bo di').tokens).toEqual(['bo', 'tui', 'bo', 'di']);
    // Typed without dấu, "me" is mẹ (the mother), never the grandmother.
    expect(analyzeQuery('me em mat khong de lai di chuc').tokens[0]).not.toBe('bà');
    expect(analyzeQuery('mẹ em mất không để lại di chúc').tokens[0]).toBe('mẹ');
    expect(analyzeQuery('con bọ cắn').tokens).toEqual(['con', 'bọ', 'cắn']);
    expect(analyzeQuery('quy mô công ty').tokens).toEqual(['quy', 'mô', 'công', 'ty']);
  });
});
