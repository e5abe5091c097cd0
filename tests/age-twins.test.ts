import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, fieldTerms } from '../server/retrieval/index/corpus-index.js';
import { AGE_TWIN_PENALTY, titleAgeBracket, withAgeTwins, youngestAgeNamed } from '../server/retrieval/rank/ages.js';

/** The Criminal Code's twins as the index builds them: an offence for every victim, one for a child, one with no twin. */
function index() {
  const row = (id: number, article: string, title: string) => ({
    id,
    document_id: 'blhs',
    article,
    section: null,
    path: [],
    article_title: title,
    heading: null,
    clauses: [],
    search_text: fieldTerms(`${title} giao cấu trái với ý muốn`).join(' '),
  });
  return buildCorpusIndex({
    version: '1',
    docs: [],
    notes: [],
    chunks: [
      row(1, '141', 'Tội hiếp dâm'),
      row(2, '142', 'Tội hiếp dâm người dưới 16 tuổi'),
      row(3, '145', 'Tội giao cấu hoặc thực hiện hành vi quan hệ tình dục khác với người từ đủ 13 tuổi đến dưới 16 tuổi'),
    ],
    readingTexts: [],
    readMs: 0,
  });
}

describe('an offence told for every victim and for a child of an age (rank/ages.ts)', () => {
  it('reads the age bracket of an offence title and its twin, and no bracket elsewhere', () => {
    expect(titleAgeBracket('Tội hiếp dâm người dưới 16 tuổi')).toEqual({ ages: [0, 16], twin: ['toi hiep dam', 'toi hiep dam nguoi'] });
    expect(titleAgeBracket('Tội cưỡng dâm người từ đủ 13 tuổi đến dưới 16 tuổi')?.ages).toEqual([13, 16]);
    // The Labour Code's rule for a working child is no offence; months are no age in years.
    expect(titleAgeBracket('Sử dụng người chưa đủ 15 tuổi làm việc')).toBeNull();
    expect(titleAgeBracket('Chế độ thai sản khi nhận nuôi con nuôi dưới 06 tháng tuổi')).toBeNull();
  });

  it('hears the youngest age she names, with or without dấu', () => {
    expect(youngestAgeNamed('thằng 20 tuổi quan hệ với con gái tôi 15 tuổi')).toBe(15);
    expect(youngestAgeNamed('dua be 12 tuoi bi hiep')).toBe(12);
    expect(youngestAgeNamed('con nuôi dưới 6 tháng tuổi')).toBeNull();
    expect(youngestAgeNamed('chị em bị hiếp thì kẻ đó bị tội gì')).toBeNull();
  });

  it('lowers the twin her age does not fit, and nothing when she names no age', () => {
    const idx = index();
    const at = (article: string) => idx.lexical.chunks.findIndex((c) => c.articleKey === article);
    const ranked = [
      { index: at('141'), score: 1 },
      { index: at('142'), score: 0.95 },
      { index: at('145'), score: 0.9 },
    ];
    const score = (r: { index: number; score: number }[], article: string) => r.find((x) => x.index === at(article))!.score;
    // A girl of 12: the offence for every victim gives way to the child's; 145 (13 to 16) does not fit her.
    const child = withAgeTwins(idx.lexical.chunks, ranked, 'đứa bé 12 tuổi bị hiếp thì kẻ đó bị tội gì');
    expect(score(child, '141')).toBeCloseTo(1 - AGE_TWIN_PENALTY);
    expect(score(child, '142')).toBe(0.95);
    expect(score(child, '145')).toBeCloseTo(0.9 - AGE_TWIN_PENALTY);
    // A woman of 19: the child's offence does not fit her.
    const adult = withAgeTwins(idx.lexical.chunks, ranked, 'con gái tôi 19 tuổi bị hiếp');
    expect(score(adult, '141')).toBe(1);
    expect(score(adult, '142')).toBeCloseTo(0.95 - AGE_TWIN_PENALTY);
    expect(withAgeTwins(idx.lexical.chunks, ranked, 'chị tôi bị hiếp thì kẻ đó bị tội gì')).toBe(ranked);
  });
});
