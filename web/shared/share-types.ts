/**
 * Shapes of the shared-answer API (server/share/routes.ts, issue 18). Framework-free, shared by
 * the web chat, the widget and the Zalo Mini App.
 */

export interface ShareRequest {
  conversationId: string;
  messageId: number;
  /** She ticked "kèm câu hỏi của tôi": her words go on the public page. Default: only the topic. */
  includeQuestion?: boolean;
}

export interface ShareCreated {
  id: string;
  /** Absolute address of the public page (/a/<id>). */
  url: string;
  /** The 1200×630 preview image (og:image). */
  cardUrl?: string;
  /** The page's heading: her question if she chose it, else the topic. */
  title?: string;
  expiresAt: string;
}

export interface SharedAnswerItem {
  id: string;
  url: string;
  title: string;
  topic: string | null;
  withQuestion: boolean;
  createdAt: string;
  expiresAt: string;
  withdrawn: boolean;
}
