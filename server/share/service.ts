import crypto from 'node:crypto';
import {
  insertSharedAnswer,
  listSharedAnswers,
  liveSharedAnswer,
  messageToShare,
  wasWithdrawn,
  withdrawSharedAnswer,
  type SharedAnswerRow,
} from '../../store/shared-answers.js';
import { audit, type Actor } from '../audit/log.js';
import { AppError, notFound } from '../errors.js';
import type { Services } from '../services.js';

export interface ShareRequest {
  conversationId: string;
  messageId: number;
  /** She ticked "kèm câu hỏi của tôi": her words go on the public page. Default: only the topic. */
  includeQuestion?: boolean;
}

/**
 * Copies one answer to a public, read-only page. The conversation id proves the answer is hers
 * (it is the secret that opens the conversation); nothing else of the conversation is copied, and
 * the copy keeps no link back to it. Emergency answers are not shared: they are about her danger
 * now, and a page in the village group could tell others what she is going through.
 */
export async function createShare(s: Pick<Services, 'db' | 'config'>, req: ShareRequest): Promise<SharedAnswerRow> {
  const m = await messageToShare(s.db, req.conversationId, req.messageId);
  if (!m) throw notFound('message', 'Không tìm thấy câu trả lời này (có thể đã hết hạn lưu).');
  if (m.kind === 'emergency') throw new AppError(400, 'invalid:share_emergency', 'Câu trả lời khẩn cấp không chia sẻ được, để giữ an toàn cho chị.');
  if (m.kind === 'out_of_scope') throw new AppError(400, 'invalid:share_out_of_scope', 'Câu trả lời này không có nội dung pháp luật để chia sẻ.');
  return insertSharedAnswer(s.db, {
    // 16 random bytes: the link is the only key, it must not be guessable.
    id: crypto.randomBytes(16).toString('base64url'),
    question: req.includeQuestion ? m.question : null,
    topic: m.topic,
    answer: m.content,
    citations: m.citations,
    days: s.config.RETENTION_DAYS,
  });
}

/** A shared page by its link: the live copy, or whether it was withdrawn (410) rather than never there or expired (404). */
export async function readShare(s: Pick<Services, 'db'>, id: string): Promise<{ row: SharedAnswerRow | null; withdrawn: boolean }> {
  const row = await liveSharedAnswer(s.db, id);
  return { row, withdrawn: row ? false : await wasWithdrawn(s.db, id) };
}

/** Shared answers that have not expired, newest first, for officials to review. */
export function listShares(s: Pick<Services, 'db'>, limit: number): Promise<SharedAnswerRow[]> {
  return listSharedAnswers(s.db, limit);
}

/** Withdraws a shared answer (its text erased, its page says so); the audit entry commits with it. */
export async function withdrawShare(s: Pick<Services, 'db'>, id: string, actor: Actor): Promise<void> {
  const done = await s.db.transaction(async (tx) => {
    const ok = await withdrawSharedAnswer(tx, id, actor.id);
    if (ok) await audit(tx, actor, 'share.withdraw', { type: 'share', id });
    return ok;
  });
  if (!done) throw notFound('share', 'Không tìm thấy câu trả lời được chia sẻ này, hoặc nó đã được thu hồi.');
}
