import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScopeRows } from '../eval/scope.js';
import { readRows } from '../server/safety/lexicon.js';
import { framedBy, outsideSubject, readOutside } from '../server/safety/outside.js';
import { judgeScope } from '../server/safety/scope.js';
import { DATA_DIR } from '../server/safety/normalise.js';
import { articleHit } from './helpers/article-hits.js';

/** Legal subjects the library holds no law on (server/safety/outside.ts, data/outside.tsv). */

const TAX = 'thuế thu nhập cá nhân năm nay giảm trừ gia cảnh bao nhiêu một tháng';

/** A bundled article with member notes that names the subject only in its body and plain sentences. */
const wages = articleHit('102', 'Khấu trừ tiền lương', ['Người sử dụng lao động được khấu trừ tiền lương, kể cả thuế thu nhập cá nhân theo quy định.'], 9, {
  notes: [
    { clause: null, point: null, kind: 'ask', text: 'công ty tự trừ lương của em có đúng không' },
    { clause: null, point: null, kind: 'meaning', text: 'Công ty chỉ được trừ lương trong các trường hợp luật cho phép, như thuế thu nhập cá nhân.' },
  ],
});
/** An article of a law officials uploaded: no member notes, its text says what it is about. */
const uploadedTax = articleHit('3', 'Thu nhập chịu thuế', ['Thu nhập chịu thuế thu nhập cá nhân gồm thu nhập từ tiền lương, tiền công và tiền thưởng.'], 9);

const search = (hits: ReturnType<typeof articleHit>[], q = TAX) => ({
  hits,
  topics: ['lao_dong_nu'],
  expanded: q,
  coverage: 0.7,
  subject: { topics: ['lao_dong_nu'], terms: [], coverage: 0.7 },
});

describe('legal subjects outside the library (data/outside.tsv)', () => {
  it('reads a listed subject with or without dấu, and not inside the library’s own subject', () => {
    expect(readOutside('lam lai ho chieu o dau').map((m) => m.name)).toEqual(['identity-papers']);
    expect(readOutside('làm lại hộ chiếu ở đâu').map((m) => m.phrase)).toEqual(['ho chieu']);
    expect(readOutside('nợ thẻ tín dụng quá hạn thì sao').map((m) => m.name)).toContain('banking');
    // An employer or a broker keeping her papers is the Labour Code's and trafficking's; a beating is no warranty.
    expect(readOutside('chủ quán giữ căn cước của em không trả')).toEqual([]);
    expect(readOutside('khi thấy trẻ bị bạo hành thì báo ai')).toEqual([]);
  });

  it('every row names a general subject with an example of our own that reads it, none from the scope check', () => {
    const checked = new Set(readScopeRows().map((r) => r.message));
    const rows = readRows('outside.tsv').filter((r) => r.concept.startsWith('outside:'));
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const example = r.extra[0] ?? '';
      expect(checked.has(example), example).toBe(false);
      expect(
        readOutside(example).map((m) => `outside:${m.name}`),
        example,
      ).toContain(r.concept);
    }
    expect(fs.existsSync(path.join(DATA_DIR, 'outside.tsv'))).toBe(true);
  });

  it('an article frames a subject by its title or its members’ questions, an uploaded one by its text too — never by a plain sentence or the body', () => {
    expect(framedBy([wages], 'thue thu nhap')).toBe(false);
    expect(framedBy([uploadedTax], 'thue thu nhap')).toBe(true);
    const asked = articleHit('102', 'Khấu trừ tiền lương', ['…'], 9, {
      notes: [{ clause: null, point: null, kind: 'ask', text: 'công ty trừ thuế thu nhập cá nhân vào lương có đúng không' }],
    });
    expect(framedBy([asked], 'thue thu nhap')).toBe(true);
  });

  it('a tax question is told the library lacks it when the best articles name tax in passing; a tax law uploaded today answers it', () => {
    const refused = judgeScope(null, search([wages]));
    expect(refused).toEqual({ refuse: true, request: null });
    expect(judgeScope(null, search([uploadedTax, wages])).refuse).toBe(false);
  });

  it('a listed subject beside a subject of the library is context: a debt at divorce, maternity leave', () => {
    expect(outsideSubject('ly hôn thì khoản nợ thẻ tín dụng chồng tự mở để tiêu riêng em có phải trả cùng không', [wages])).toBeNull();
    expect(outsideSubject('đang nghỉ thai sản thì ai đóng bảo hiểm y tế cho em', [wages])).toBeNull();
    expect(outsideSubject('nợ thẻ tín dụng 3 tháng chưa trả thì bị tính lãi thế nào', [wages])?.name).toBe('banking');
  });

  it('an enterprise’s tax is one subject: its "doanh nghiệp" is no employer of the library’s labour law', () => {
    expect(outsideSubject('thuế suất thuế thu nhập doanh nghiệp năm nay bao nhiêu', [wages])?.name).toBe('tax');
    expect(outsideSubject('thue tndn nam nay tinh the nao', [wages])?.name).toBe('tax');
    // A wage withheld to pay the company's tax is the library's: the wages named beside it are her subject.
    expect(outsideSubject('công ty nợ thuế doanh nghiệp rồi trừ lương công nhân để nộp có đúng không', [wages])).toBeNull();
  });
});
