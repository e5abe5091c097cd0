import { describe, expect, it } from 'vitest';
import { actPeriod, inForceDuring } from '../server/retrieval/act-time.js';
import type { DocInfo } from '../server/retrieval/index/corpus-index.js';
import { laterTexts } from '../server/retrieval/rank/later-text.js';
import { docInfo } from './helpers/doc-info.js';

const today = new Date('2026-12-05T00:00:00Z');

describe('when the act she asks a sanction for was done (retrieval/act-time.ts)', () => {
  it('reads a year, a month, part of a year or a year back, with or without dấu', () => {
    expect(actPeriod('Năm 2024 ck nghiện bắt em đi ăn xin. Hồi đó bị phạt ra răng', today)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(actPeriod('hoi thang 8 nam 2025 ck dung ghe phang e, phat bn tien', today)).toEqual({ from: '2025-08-01', to: '2025-08-31' });
    expect(actPeriod('tháng 2/2024 chồng tát em, có bị xử phạt không', today)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(actPeriod('đầu năm 2025 ck không cho em đi làm, có phạt dc không', today)).toEqual({ from: '2025-01-01', to: '2025-04-30' });
    expect(actPeriod('năm ngoái chồng đánh em, có bị phạt không', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('takes the latest of two times told', () => {
    expect(actPeriod('năm 2023 anh ta chửi em, rồi tháng 5 năm 2024 lại đánh em, bị phạt bao nhiêu', today)?.to).toBe('2024-05-31');
  });

  it('reads nothing when she asks no sanction, when the act goes on, or when the time is not past', () => {
    expect(actPeriod('cưới năm 2015, giờ ly hôn được không', today)).toBeNull();
    expect(actPeriod('năm 2024 ck đánh em, giờ vẫn đánh, có bị phạt không', today)).toBeNull();
    expect(actPeriod('từ năm 2024 chồng đánh em suốt, bị phạt bao nhiêu', today)).toBeNull();
    expect(actPeriod('chồng đánh em có bị phạt không', today)).toBeNull();
    expect(actPeriod('tháng 12 năm 2026 mà anh ta còn đánh thì bị phạt thế nào', today)).toBeNull();
  });
});

const doc = (over: Partial<DocInfo> & Pick<DocInfo, 'id'>): DocInfo => docInfo({ type: 'Nghị định', number: null, ...over });

describe('the text in force then, and the one that replaced it (rank/later-text.ts)', () => {
  const old = doc({ id: 'nd144', number: '144/2021/NĐ-CP', issued: '2021-12-31', status: 'replaced', until: '2025-12-15', replacedBy: '282/2025/NĐ-CP' });
  const now = doc({ id: 'nd282', number: '282/2025/NĐ-CP', issued: '2025-10-30', effective: '2025-12-15' });
  const law = doc({ id: 'luat', number: '13/2022/QH15', effective: '2023-07-01' });
  const docs = new Map([old, now, law].map((d) => [d.id, d]));

  it('knows whether a text was in force within a period', () => {
    expect(inForceDuring(old, { from: '2024-01-01', to: '2024-12-31' })).toBe(true);
    expect(inForceDuring(old, { from: '2026-01-01', to: '2026-03-31' })).toBe(false);
    expect(inForceDuring(now, { from: '2024-01-01', to: '2024-12-31' })).toBe(false);
    expect(inForceDuring(now, { from: '2025-01-01', to: '2025-12-31' })).toBe(true);
  });

  it('names only the replacement of a text in force then, when it took effect after the period', () => {
    expect([...laterTexts(docs, { from: '2024-01-01', to: '2024-12-31' })]).toEqual(['nd282']);
    // A law in force since before, with no predecessor in the library, is never lowered; nor is
    // the replacement once the period reaches its effect.
    expect(laterTexts(docs, { from: '2025-01-01', to: '2025-12-31' }).size).toBe(0);
    expect(laterTexts(docs, { from: '2019-01-01', to: '2019-12-31' }).size).toBe(0);
  });
});
