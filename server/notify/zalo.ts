import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { MemberNotifier } from './notifier.js';

export interface ZaloNotifyConfig {
  appId: string;
  apiKey: string;
  /** Zalo's Mini App open API, e.g. https://openapi.mini.zalo.me (a fake one in tests). */
  baseUrl: string;
  templateId: string;
  timeoutMs: number;
  /** [from, to) hours, Vietnam time (UTC+7, no daylight saving), when Zalo delivers notifications. */
  hours: [number, number];
}

/**
 * What the notification says, and all it says: who answered and where to read it. Never her
 * question nor the answer (a phone lock screen, a shared phone, a husband reading over her
 * shoulder). Zalo's template 01 limits the title to 32 characters.
 */
export const NOTIFICATION = {
  title: 'Hiểu Luật có tin mới',
  contentTitle: 'Cán bộ Hội đã trả lời',
  content: 'Cán bộ Hội Phụ nữ đã trả lời câu hỏi chị gửi. Chị mở Hiểu Luật để đọc.',
  buttonText: 'Mở Hiểu Luật',
} as const;

const SEAL_VERSION = 'v1';

/**
 * Her Zalo id at rest: AES-256-GCM under a key derived (HKDF) from the notification API key, so a
 * copy of the database alone does not name anyone. The sealed value is deleted once used.
 */
function sealKey(apiKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', apiKey, 'hieu-luat', 'zalo-notify-recipient:v1', 32));
}

export function createZaloNotifier(cfg: ZaloNotifyConfig, fetchImpl: typeof fetch = fetch): MemberNotifier {
  const key = sealKey(cfg.apiKey);
  const url = `${cfg.baseUrl}/notification/template`;
  return {
    kind: 'zalo',
    sendsAt(now) {
      const hour = (now.getUTCHours() + 7) % 24;
      return hour >= cfg.hours[0] && hour < cfg.hours[1];
    },
    seal(zaloUserId) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(zaloUserId, 'utf8'), c.final()]);
      return [SEAL_VERSION, iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    async officialReplied(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== SEAL_VERSION || !iv || !tag || !body) throw new Error('unreadable recipient');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      const userId = Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'X-Api-Key': `Bearer ${cfg.apiKey}`,
          'X-MiniApp-Id': cfg.appId,
          'X-User-Id': userId,
        },
        body: JSON.stringify({
          templateId: cfg.templateId,
          templateData: { ...NOTIFICATION, buttonUrl: `https://zalo.me/s/${cfg.appId}/` },
        }),
        signal: AbortSignal.timeout(cfg.timeoutMs),
        redirect: 'error',
      });
      // Zalo answers 200 with {error: 0} on success and a non-zero error code otherwise.
      const data = (await res.json().catch(() => null)) as { error?: number; message?: string } | null;
      if (!res.ok) throw new Error(`zalo notification http ${res.status}`);
      if (data && typeof data.error === 'number' && data.error !== 0) throw new Error(`zalo notification error ${data.error}`);
    },
  };
}
