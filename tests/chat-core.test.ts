import { describe, expect, it } from 'vitest';
import type { ChatResponse, ConversationMessage } from '../web/shared/api.js';
import { answeredStatus, finished, fromServer, patchMessage, tooLong, type ChatMessage } from '../web/shared/chat/messages.js';

/** The chat core shared by the web chat, the widget and the Zalo Mini App (web/shared/chat). */

const doc = {
  id: 'luat-hngd-2014',
  number: '52/2014/QH13',
  title: 'Luật Hôn nhân và gia đình',
  name: 'Luật Hôn nhân và gia đình 2014',
  status: 'in_force',
  binding: true,
};
const citation = { document: doc, article: '55', clause: null, point: null, quote: 'Trong trường hợp vợ chồng cùng yêu cầu ly hôn…', source: 1 };
const numbers = [{ label: 'Tổng đài quốc gia bảo vệ trẻ em', number: '111' }];

function stored(over: Partial<ConversationMessage>): ConversationMessage {
  return { id: 1, role: 'assistant', content: '', kind: 'answer', citations: [], createdAt: '2026-12-01T00:00:00.000Z', ...over };
}

describe('chat core messages', () => {
  it('reopens a stored conversation: an official reply keeps its badge, question and citations; only answers carry an id for 👍/👎', () => {
    const user = fromServer(stored({ id: 7, role: 'user', content: 'Thuận tình ly hôn cần gì?', kind: null }));
    expect(user).toMatchObject({ key: 's7', role: 'user', text: 'Thuận tình ly hôn cần gì?', messageId: undefined, status: 'done' });
    const reply = fromServer(
      stored({ id: 9, content: 'Theo Điều 55 [1]…', official: true, reply: { question: 'Thuận tình ly hôn cần gì?' }, citations: [citation] }),
    );
    expect(reply).toMatchObject({ key: 's9', messageId: 9, official: true, reply: { question: 'Thuận tình ly hôn cần gì?' }, citations: [citation] });
    const danger = fromServer(stored({ id: 11, kind: 'emergency', emergency: { numbers } }));
    expect(danger.emergency?.numbers).toEqual(numbers);
  });

  it('changes only the message being streamed, and leaves the others as they were', () => {
    const a: ChatMessage = { key: 'a', role: 'user', text: 'hỏi', citations: [], status: 'done' };
    const b: ChatMessage = { key: 'b', role: 'assistant', text: 'Theo ', citations: [], status: 'streaming' };
    const next = patchMessage(
      patchMessage([a, b], 'b', (m) => ({ text: m.text + 'Điều 55' })),
      'b',
      { citations: [citation] },
    );
    expect(next[0]).toBe(a);
    expect(next[1]).toMatchObject({ text: 'Theo Điều 55', citations: [citation], status: 'streaming' });
    expect(b.text).toBe('Theo ');
  });

  it('keeps the call numbers sent before any token when the finished answer leaves them out', () => {
    const streaming: ChatMessage = {
      key: 'b',
      role: 'assistant',
      text: 'Chị',
      citations: [],
      status: 'streaming',
      kind: 'emergency',
      emergency: { numbers },
      safety: { level: 'emergency', numbers },
    };
    const r: ChatResponse = {
      conversationId: 'c1',
      messageId: 5,
      answer: 'Chị hãy gọi ngay…',
      citations: [],
      kind: 'emergency',
      fallback: false,
      suggestions: [],
    };
    const [done] = patchMessage([streaming], 'b', finished(r));
    expect(done).toMatchObject({ text: 'Chị hãy gọi ngay…', messageId: 5, status: 'done', emergency: { numbers }, safety: { level: 'emergency', numbers } });
    expect(answeredStatus(done!.kind)).toMatch(/số điện thoại khẩn cấp/);
  });

  it('carries the suggested next questions of the finished answer (the Mini App shows them too)', () => {
    const streaming: ChatMessage = { key: 'b', role: 'assistant', text: '', citations: [], status: 'streaming' };
    const suggestions = [{ text: 'Ly hôn thì ai nuôi con?' }, { text: 'Chia tài sản khi ly hôn thế nào?' }];
    const r: ChatResponse = {
      conversationId: 'c1',
      messageId: 6,
      answer: 'Theo Điều 55 [1]…',
      citations: [citation],
      kind: 'answer',
      fallback: false,
      suggestions,
    };
    const [done] = patchMessage([streaming], 'b', finished(r));
    expect(done).toMatchObject({ suggestions, citations: [citation], status: 'done' });
    expect(answeredStatus('answer')).toBe('Đã trả lời.');
  });

  it('refuses a question longer than the server accepts before sending it, in words she understands', () => {
    expect(tooLong('a'.repeat(2000), 2000)).toBeNull();
    expect(tooLong('a'.repeat(2001), 2000)).toBe('Câu hỏi dài quá 2000 ký tự. Chị hãy rút gọn lại.');
  });
});
