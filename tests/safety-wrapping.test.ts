import { describe, expect, it } from 'vitest';
import { withoutClosing, withoutOpening } from '../server/safety/closing.js';
import { tokenize } from '../server/safety/normalise.js';
import { readMessage } from '../server/safety/gate.js';

/**
 * A question posted in a village group comes wrapped in words that tell no danger (scripts/safety-wrappers.ts measures
 * it over every legal question and danger message): a greeting and the ask announced, thanks, her worry, a call to the
 * group, the day she writes. Wrapped, a legal question reads as it does bare; a danger stays caught.
 */
const level = (m: string) => readMessage(m).level;

describe('a group post’s wrapping', () => {
  it('thanks at the end is not the one a harm is done to', () => {
    const q = 'vợ chồng cãi nhau to tiếng thì có phải bạo lực gia đình không';
    expect(level(`${q} em cảm ơn ạ`)).toBe(level(q));
    expect(level(`${q} e cam on a`)).toBe(level(q));
    expect(level(`${q}. Em xin cảm ơn cả nhà nhiều!`)).toBe(level(q));
  });

  it('thanks for everything is a farewell and is kept', () => {
    const t = tokenize('em cảm ơn mọi người vì tất cả');
    expect(withoutClosing(t)).toHaveLength(t.length);
  });

  it('her worry over the question dates no harm', () => {
    const q = 'con bị bạn đánh ở trường thì nhà trường có phải chịu trách nhiệm không';
    expect(level(`${q} mấy hôm nay em lo quá`)).toBe(level(q));
    expect(level(`${q} dạo này em mất ngủ vì chuyện này`)).toBe(level(q));
    // "lô" (a lottery number) and "ai lo" are no worry of hers.
    expect(level('cho e xin cặp số đẹp tối nay đánh lô')).toBe('ordinary');
    expect(withoutClosing(tokenize('cháu bị đánh đưa đi cấp cứu ai lo')).map((t) => t.text)).toContain('lo');
  });

  it('the day after the question is the day she asks', () => {
    expect(level('ck ep vo quan he khi vo dang om thi co bi toi ko hôm nay')).not.toBe('emergency');
    expect(level('chồng đánh em hôm nay')).not.toBe('ordinary');
  });

  it('a greeting or the ask announced does not calm a danger told after it', () => {
    expect(level('Chào cả nhà, cho em hỏi chút ạ: chồng em đang cầm dao đuổi em')).toBe('emergency');
    expect(level('Em chào mọi người, em có chuyện muốn hỏi. Bố dượng đang nhốt con bé trong phòng')).toBe('emergency');
    expect(withoutOpening(tokenize('Các mẹ ơi cho em hỏi với ạ, chồng bỏ đi thì chia nhà thế nào')).map((t) => t.text)[0]).toBe('chồng');
  });

  it('a call to the group with a question is no plea; with a harm now or a cry it is', () => {
    expect(level('Mọi người ơi giúp em với, mẹ chồng tát con dâu thì có bị phạt không')).not.toBe('emergency');
    expect(level('Các chị ơi tư vấn giúp em với, bị đuổi việc khi đang mang thai thì có đúng luật không')).toBe('ordinary');
    expect(level('Mọi người ơi giúp em với, chồng em đang đánh em')).toBe('emergency');
    expect(level('Mọi người ơi cứu em với, chồng em cầm dao')).toBe('emergency');
  });

  it('years counted for a pension are no "nằm đè"', () => {
    expect(level('e dong bhxh 20 nam, lay luong may nam de tinh luong huu hôm nay')).toBe('ordinary');
    expect(level('bố dượng nằm đè lên con bé hôm nay')).toBe('emergency');
  });
});
