import type { ConversationMessage } from './types.js';

/**
 * The newest official reply she has not been told about: replies are messages delivered into
 * her conversation when officials approve a question she handed over (server/handover/reply.ts).
 * `seen` is the id of the last reply she was told about on this phone.
 */
export function newestUnseenReply(messages: readonly Pick<ConversationMessage, 'id' | 'reply'>[], seen: number): number | null {
  let newest: number | null = null;
  for (const m of messages) if (m.reply && m.id > seen && (newest === null || m.id > newest)) newest = m.id;
  return newest;
}

/** What the chats say on open when an official replied. */
export const REPLY_NOTICE = 'Cán bộ Hội đã trả lời câu hỏi chị gửi.';
