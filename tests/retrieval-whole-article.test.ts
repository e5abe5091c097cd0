import { describe, expect, it } from 'vitest';
import type { HitRow } from '../server/retrieval/index/chunk-rows.js';
import { joinChunks } from '../server/retrieval/index/whole-article.js';

const row = (id: number, clauses: string[], lines: string[]): HitRow => ({
  id,
  article: '2',
  section: null,
  article_num: 2,
  article_title: 'Đối tượng tham gia',
  heading: null,
  clauses,
  header: 'Điều 2. Đối tượng tham gia',
  text: lines.join('\n'),
});

describe('a long article read whole (index/whole-article.ts)', () => {
  it('joins its chunks in order, without the heading and the khoản lead-in a later chunk repeats', () => {
    const first = row(
      10,
      ['1'],
      ['Điều 2. Đối tượng tham gia', '1. Người lao động thuộc đối tượng bao gồm:', 'a) Người làm việc theo hợp đồng từ đủ 01 tháng;', 'b) Cán bộ, công chức;'],
    );
    const second = row(
      11,
      ['1', '2'],
      [
        'Điều 2. Đối tượng tham gia',
        '1. Người lao động thuộc đối tượng bao gồm:',
        'l) Người làm việc không trọn thời gian;',
        '2. Người nước ngoài làm việc tại Việt Nam.',
      ],
    );
    const whole = joinChunks([first, second]);
    expect(whole.text.split('\n')).toEqual([
      'Điều 2. Đối tượng tham gia',
      '1. Người lao động thuộc đối tượng bao gồm:',
      'a) Người làm việc theo hợp đồng từ đủ 01 tháng;',
      'b) Cán bộ, công chức;',
      'l) Người làm việc không trọn thời gian;',
      '2. Người nước ngoài làm việc tại Việt Nam.',
    ]);
    expect(whole.clauses).toEqual(['1', '2']);
  });

  it('keeps a điểm that two khoản word alike: only headings and lead-ins are repeats', () => {
    const a = row(1, ['1'], ['Điều 5. Thử', '1. Khoản một:', 'a) Trường hợp khác.']);
    const b = row(2, ['2'], ['Điều 5. Thử', '2. Khoản hai:', 'a) Trường hợp khác.']);
    expect(
      joinChunks([a, b])
        .text.split('\n')
        .filter((l) => l === 'a) Trường hợp khác.'),
    ).toHaveLength(2);
  });
});
