import { describe, expect, it } from 'vitest';
import { answerWants, prisonToldAsFact, wantsOf } from '../server/answer/plain/intent.js';
import { standardWords } from '../server/retrieval/query.js';

describe('prison told as what happened, not asked', () => {
  it('reads prison in her story as told', () => {
    expect(prisonToldAsFact(standardWords('thằng em e đánh mẹ bị đi tù, giờ mẹ mất nó vẫn đòi chia phần, có đc ko'))).toBe(true);
    expect(prisonToldAsFact(standardWords('ck e bị đi tù, e có đc ly hôn ko'))).toBe(true);
    expect(prisonToldAsFact(standardWords('hắn đi tù về lại đánh e'))).toBe(true);
  });

  it('reads prison she asks about as asked', () => {
    expect(prisonToldAsFact(standardWords('ck đánh e thì có bị đi tù ko'))).toBe(false);
    expect(prisonToldAsFact(standardWords('đánh vợ bị đi tù mấy năm'))).toBe(false);
    expect(prisonToldAsFact(standardWords('nếu ck đánh e thì ck bị đi tù đúng không'))).toBe(false);
    expect(prisonToldAsFact(standardWords('đánh vợ thì bị đi tù à'))).toBe(false);
  });

  it('drops prison from the answer’s wants only when told', () => {
    const told = standardWords('thằng em e đánh mẹ bị đi tù, giờ mẹ mất nó vẫn đòi chia phần, có đc ko');
    expect(wantsOf(told)).toContain('prison');
    expect(answerWants(told)).not.toContain('prison');
    const asked = standardWords('ck đánh e thì có bị đi tù ko');
    expect(answerWants(asked)).toContain('prison');
  });
});
