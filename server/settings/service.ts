import { audit, type Actor } from '../audit/log.js';
import type { Services } from '../services.js';
import { invalidateSettingsCache, memberSettings, saveSettings, type MemberSettings } from './store.js';

/**
 * An official's change of what members see (numbers to call, the welcome, starter questions).
 * The audit entry commits with the change: numbers are public and not personal, so it keeps
 * them; texts only by length. Every reader sees the change at once (the cache is dropped).
 */
export async function updateMemberSettings(
  s: Pick<Services, 'db' | 'config'>,
  actor: Actor,
  patch: Partial<MemberSettings>,
): Promise<{ effective: MemberSettings; changed: string[] }> {
  const changed = await s.db.transaction(async (tx) => {
    const keys = await saveSettings(tx, actor.id, patch);
    const details = Object.fromEntries(
      keys.map((k) => [k, k === 'welcome' ? (patch.welcome?.length ?? 0) : k === 'suggestions' ? (patch.suggestions?.length ?? 0) : patch[k] || null]),
    );
    if (keys.length) await audit(tx, actor, 'settings.update', { type: 'member_settings', id: null }, details);
    return keys;
  });
  invalidateSettingsCache(s.db);
  return { effective: await memberSettings(s.db, s.config), changed };
}
