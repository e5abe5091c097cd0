import { describe, expect, it } from 'vitest';
import { dangerTrainingSet, trainingHash } from '../scripts/train-danger-model.js';
import { assessDanger, type Assessment } from '../server/safety/assess.js';
import { readMessage } from '../server/safety/gate.js';
import { type DangerModel, dangerFeatures, loadDangerModel, probability, withLearned } from '../server/safety/learned.js';
import { fitLogistic } from '../server/safety/learned-fit.js';

/** The learned backstop behind the danger rules (server/safety/learned.ts). */

const model = loadDangerModel();

describe('the committed danger model', () => {
  it('was trained from the safety sets, member asks and shorthand as they are now', () => {
    expect(model, 'server/safety/data/danger-model.json is missing: run `npm run train:danger`').not.toBeNull();
    expect(model!.inputs, 'the training data changed since the model was trained: run `npm run train:danger` and commit the model').toBe(
      trainingHash(dangerTrainingSet()),
    );
  });
});

describe('the backstop raises, never lowers', () => {
  // A model that reads danger in every message: what is left to decide is the gate around it.
  const always: DangerModel = { inputs: '', examples: { danger: 1, other: 1 }, threshold: 0.5, bias: 10, weights: {} };
  const never: DangerModel = { ...always, bias: -10 };
  const rules = (over: Partial<Assessment>): Assessment => ({ ...assessDanger('xin chào'), ...over });

  it('raises a message the rules left ordinary or urgent when the model is confident', () => {
    expect(withLearned(rules({ level: 'ordinary', when: 'none' }), 'x', always)).toMatchObject({ level: 'emergency', rule: 'learned' });
    expect(withLearned(rules({ level: 'urgent', when: 'habitual' }), 'x', always).level).toBe('emergency');
  });

  it('leaves alone what the rules dated in the past, and an emergency the model doubts', () => {
    expect(withLearned(rules({ level: 'ordinary', when: 'past' }), 'x', always).level).toBe('ordinary');
    expect(withLearned(rules({ level: 'emergency', rule: 'violence-now' }), 'x', never)).toMatchObject({ level: 'emergency', rule: 'violence-now' });
    expect(withLearned(rules({ level: 'urgent' }), 'x', never).level).toBe('urgent');
  });

  it('keeps the rules\u2019 reading of who is at risk, so the numbers still fit', () => {
    const r = rules({ level: 'urgent', when: 'none', needs: { child: true, medical: false } });
    expect(withLearned(r, 'x', always).needs).toEqual({ child: true, medical: false });
  });
});

describe('the trained model on messages the rules do not read', () => {
  // Written for this test, in none of the training sets: danger told only by what is around it.
  const told = [
    'chồng em uống rượu xong cứ đi ra đi vào mài cái rựa, em với con đang ngồi trong buồng',
    'em gửi lại hai đứa nhỏ cho mẹ, em không chịu được nữa rồi, tối nay em đi',
  ];
  it.each(told)('%s', (message) => {
    expect(assessDanger(message).level).not.toBe('emergency');
    expect(readMessage(message).level).toBe('emergency');
  });

  it('does not raise a legal question or a harm told as past', () => {
    for (const message of [
      'em muốn hỏi nếu chồng đánh vợ thì bị phạt bao nhiêu tiền',
      'năm ngoái chồng em mài dao dọa em, giờ bọn em ly hôn rồi',
      'em đang mang thai tháng thứ 7, công ty có được cho em nghỉ việc không',
    ]) {
      expect(readMessage(message).level, message).not.toBe('emergency');
    }
  });
});

describe('fitting', () => {
  const examples = [
    ...['đang đánh em', 'cứu em với', 'nó cầm dao', 'đang đánh con'].map((m) => ({ features: dangerFeatures(m), danger: true })),
    ...['ly hôn thế nào', 'chia tài sản', 'nghỉ thai sản mấy tháng', 'năm ngoái bị đánh'].map((m) => ({ features: dangerFeatures(m), danger: false })),
  ];

  it('separates what it was shown and gives the same weights every time', () => {
    const a = fitLogistic(examples);
    expect(a).toEqual(fitLogistic(examples));
    for (const e of examples) expect(probability(a, e.features) > 0.5, e.features.join(' ')).toBe(e.danger);
  });

  it('refuses a set with one class only', () => {
    expect(() => fitLogistic(examples.filter((e) => e.danger))).toThrow(/both classes/);
  });
});
