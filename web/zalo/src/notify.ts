import { api } from './api.js';
import { askNotifyConsent } from './zalo.js';

/** Whether the server can send Zalo notifications; asked once, only when she first hands a question over. */
let serverNotifies: Promise<boolean> | null = null;
const notificationsOn = () =>
  (serverNotifies ??= api.welcome().then(
    (w) => w.zaloNotify === true,
    () => false,
  ));

/**
 * The API the hand-over form uses in the Mini App: when she lets Hiểu Luật remember her
 * conversations by her Zalo account (the reply is filed under it) and the server can notify,
 * Zalo asks her whether she wants to be told when the official answers; if she agrees, her id
 * goes with the hand-over. Otherwise the hand-over is sent as on the web.
 */
export function handoverApi(remembering: boolean): Pick<typeof api, 'feedback' | 'handover'> {
  return {
    feedback: api.feedback,
    handover: async (body: Parameters<typeof api.handover>[0]) => {
      const zaloUserId = remembering && (await notificationsOn()) ? await askNotifyConsent() : null;
      return api.handover(zaloUserId ? { ...body, zaloUserId } : body);
    },
  };
}
