import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../server/retrieval/query.js';
import { PairReadingTable } from '../server/retrieval/readings.js';
import { byEar, mistypedFor, respell } from '../server/retrieval/respell.js';

/** A small library: the pairs its texts write are all the respelling knows. */
function library(...texts: string[]): PairReadingTable {
  const t = new PairReadingTable();
  for (const text of texts) t.addText(text);
  return t;
}

const laws = library(
  'người chồng giữ hết tiền lương của vợ',
  'sửa chữa nhà ở; con được bú sữa mẹ',
  'tranh chấp đất đai được hòa giải; giành quyền nuôi con; rủ rê; đủ tuổi',
  'vợ chồng vẫn chung sống với nhau',
  'người lao động được nghỉ việc; tôi suy nghĩ',
  'chồng đánh vợ; con cái; con cải; chồng tôi; cai nghiện',
);
const read = (q: string) => respell(q.split(' '), false, [laws]).join(' ');

describe('dấu typed imperfectly, read as meant (respell.ts)', () => {
  it('reads hỏi for ngã, a tone or vowel mark left out, as the spelling the library pairs with the neighbour', () => {
    expect(read('chồng giử hết lương')).toBe('chồng giữ hết lương');
    expect(read('sữa chữa nhà')).toBe('sửa chữa nhà');
    expect(read('vợ chồng vẩn chung sống')).toBe('vợ chồng vẫn chung sống');
    expect(read('chông đanh vợ')).toBe('chồng đánh vợ');
    expect(read('chòng dánh vợ')).toBe('chồng đánh vợ');
  });

  it('never re-reads a syllable the library writes with its neighbour as typed', () => {
    expect(read('chồng giữ hết lương')).toBe('chồng giữ hết lương');
    expect(read('con bú sữa mẹ')).toBe('con bú sữa mẹ');
    // "nghỉ việc" is written: a correct word stays, whatever "nghĩ" might be elsewhere.
    expect(read('tôi nghỉ việc')).toBe('tôi nghỉ việc');
  });

  it('leaves a word the library writes when two spellings pair with the neighbour ("con cái", "con cải")', () => {
    expect(read('con cai')).toBe('con cai');
  });

  it('reads spelling by ear back only where the pair as typed is unknown and the respelled one is written', () => {
    expect(read('chanh chấp đất đai')).toBe('tranh chấp đất đai');
    expect(respell(['chanh', 'chap', 'dat'], true, [laws])).toEqual(['tranh', 'chap', 'dat']);
    // A word the library writes elsewhere, in a pair it never writes, its tone kept.
    expect(read('dành quyền nuôi con')).toBe('giành quyền nuôi con');
    // A written word keeps its final: "bị sốt" is not "bị sốc", though the library writes only that.
    expect(respell(['bị', 'sốt', 'nằm'], false, [library('bị sốc', 'sốt cao')])).toEqual(['bị', 'sốt', 'nằm']);
    // By ear changes the letters heard alike, never đ for d: "rủ" is not "đủ".
    expect(read('rủ tuổi')).toBe('rủ tuổi');
    // "chồng tôi" is written: "tôi" is not heard as anything else.
    expect(read('chồng tôi')).toBe('chồng tôi');
    expect(byEar('chanh')).toContain('tranh');
    expect(byEar('gianh')).toEqual(expect.arrayContaining(['danh', 'ranh']));
    expect(byEar('luong')).toContain('luon');
    // A syllable typed with dấu the library never writes, whose folded pairs it writes only in
    // other spellings ("trả luôn"), is heard back all the same: "trả lươn" is "trả lương".
    const wages = library('người lao động được trả lương', 'trả luôn một lần');
    expect(respell(['được', 'trả', 'lươn'], false, [wages])).toEqual(['được', 'trả', 'lương']);
    // Typed as written elsewhere ("luôn"), it stays.
    expect(respell(['được', 'trả', 'luôn'], false, [wages])).toEqual(['được', 'trả', 'luôn']);
  });

  it('leaves bare syllables of a message typed without dấu to the loose matching', () => {
    expect(respell(['chong', 'danh', 'vo'], true, [laws])).toEqual(['chong', 'danh', 'vo']);
  });

  it('allows only the errors phones make: hỏi/ngã, ngã/nặng, a tone or vowel mark left out', () => {
    expect(mistypedFor('giử', 'giữ')).toBe(true);
    expect(mistypedFor('cụng', 'cũng')).toBe(true);
    expect(mistypedFor('chông', 'chồng')).toBe(true);
    expect(mistypedFor('chòng', 'chồng')).toBe(true);
    expect(mistypedFor('danh', 'đánh')).toBe(true);
    expect(mistypedFor('củng', 'cùng')).toBe(false);
    expect(mistypedFor('chồng', 'chông')).toBe(false);
  });

  it('feeds the thesaurus: "chồng giử hết lương" is economic violence, as typed correctly', () => {
    const q = analyzeQuery('chồng giử hết lương', laws);
    expect(q.tokens).toEqual(['chồng', 'giữ', 'hết', 'lương']);
    expect(q.concepts).toEqual(analyzeQuery('chồng giữ hết lương', laws).concepts);
    expect(q.concepts.join(' ')).toContain('bạo lực về kinh tế');
    // A word the vocabulary writes is a word, though no law writes it: "tát" is not "tất" beside "cả".
    expect(analyzeQuery('chồng tát cả vào mặt', library('tất cả mọi người')).tokens).toContain('tát');
    expect(respell(['chồng', 'tát', 'cả'], false, [library('tất cả mọi người')])).toContain('tất');
    // Without a library nothing is re-read: the vocabulary check reads its examples as written.
    expect(analyzeQuery('chồng giử hết lương').tokens).toContain('giử');
  });

  it('reads a letter left out where the library pairs the longer word with a neighbour, beside words read first', () => {
    expect(read('chồg đánh vợ')).toBe('chồng đánh vợ');
    // Both slipped: "đáh" is read first, then "chồg" beside it.
    expect(read('chồg đáh vợ')).toBe('chồng đánh vợ');
    // The marks as typed: "ngỉ" is "nghỉ", never "nghĩ".
    expect(respell(['ngỉ', 'việc'], false, [library('người lao động được nghỉ việc; tôi suy nghĩ việc')])).toEqual(['nghỉ', 'việc']);
    // Typed bare in a message without dấu.
    expect(respell(['chog', 'danh', 'vo'], true, [laws])).toEqual(['chồng', 'danh', 'vo']);
    // A word the library never pairs with her neighbours stays as typed, and so does a short one.
    expect(read('Trump đánh vợ')).toBe('Trump đánh vợ');
    expect(read('đá vợ')).toBe('đá vợ');
  });
});
