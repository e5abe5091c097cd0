import { conversationExists, recentMessages, type MessageRow } from '../../store/conversations.js';
import { notFound } from '../errors.js';
import { officialReplies } from '../handover/reply.js';
import type { Services } from '../services.js';

export interface StoredMessage extends MessageRow {
  /** An official's answer to a question she handed over (the question it answers). */
  reply?: { question: string };
}

/** A conversation's messages as the member sees them again (the id is the secret that grants access). */
export async function readConversation(s: Pick<Services, 'db' | 'config'>, id: string): Promise<StoredMessage[]> {
  if (!(await conversationExists(s.db, id))) throw notFound('conversation', 'Không tìm thấy cuộc trò chuyện (có thể đã hết hạn lưu).');
  const rows = await recentMessages(s.db, id, s.config.MAX_TURNS_PER_CONVERSATION * 2);
  const replies = await officialReplies(s.db, id);
  return rows.map((m) => (replies.has(Number(m.id)) ? { ...m, reply: replies.get(Number(m.id)) } : m));
}
