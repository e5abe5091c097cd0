import type { Config } from '../../config/config.js';
import { nfc } from '../../ingest/text/vietnamese.js';
import type { Queryable } from '../../store/db.js';
import type { Numbers } from '../safety/gate.js';

/**
 * What members see that officials set in the console (migration 045). The environment gives the
 * defaults (EMERGENCY_DV_HOTLINE, LEGAL_AID_PHONE); a value saved here replaces its default, and
 * clearing it brings the default back.
 */
export interface MemberSettings {
  /** The domestic-violence hotline members call from an emergency or urgent answer. */
  dvHotline: string;
  legalAidPhone: string;
  /** The province's own child-protection line, shown after the national 111. */
  provinceChildLine: string;
  /** Replaces the chat's built-in welcome lines when set. */
  welcome: string | null;
  /** Replaces the chat's built-in suggested questions when not empty. */
  suggestions: string[];
}

export type SettingKey = keyof MemberSettings;
export const SETTING_KEYS: readonly SettingKey[] = ['dvHotline', 'legalAidPhone', 'provinceChildLine', 'welcome', 'suggestions'];

export const WELCOME_MAX_CHARS = 600;
export const SUGGESTIONS_MAX = 8;
export const SUGGESTION_MAX_CHARS = 200;

/** A number she can dial: digits with the usual separators, 3 to 15 digits (113, 1800 1567, +84 …). */
export function normalisePhone(input: string): string | null {
  const s = input.trim().replace(/\s+/g, ' ');
  if (!/^\+?[0-9][0-9 .()-]*$/.test(s)) return null;
  const digits = s.replace(/\D/g, '').length;
  return digits >= 3 && digits <= 15 ? s : null;
}

export function defaults(config: Pick<Config, 'EMERGENCY_DV_HOTLINE' | 'LEGAL_AID_PHONE'>): MemberSettings {
  return { dvHotline: config.EMERGENCY_DV_HOTLINE, legalAidPhone: config.LEGAL_AID_PHONE, provinceChildLine: '', welcome: null, suggestions: [] };
}

/** Only the values officials saved, without defaults (the console shows both). */
export async function savedSettings(q: Queryable): Promise<Partial<MemberSettings>> {
  const r = await q.query<{ key: string; value: unknown }>('select key, value from member_settings');
  const out: Partial<Record<SettingKey, unknown>> = {};
  for (const row of r.rows) {
    // Both drivers parse jsonb; a key this version does not know is ignored.
    if ((SETTING_KEYS as readonly string[]).includes(row.key)) out[row.key as SettingKey] = row.value;
  }
  return out as Partial<MemberSettings>;
}

/**
 * Effective settings, cached for a few seconds: every chat answer and GET /api/emergency read
 * them, and several instances share the table, so a change reaches them all within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new WeakMap<object, { at: number; saved: Promise<Partial<MemberSettings>> }>();

export async function memberSettings(q: Queryable, config: Pick<Config, 'EMERGENCY_DV_HOTLINE' | 'LEGAL_AID_PHONE'>): Promise<MemberSettings> {
  let hit = cache.get(q);
  if (!hit || Date.now() - hit.at >= CACHE_MS) {
    hit = { at: Date.now(), saved: savedSettings(q) };
    cache.set(q, hit);
    hit.saved.catch(() => cache.delete(q));
  }
  return { ...defaults(config), ...(await hit.saved) };
}

/** Forget cached settings after a change made by this instance (others catch up within CACHE_MS). */
export function invalidateSettingsCache(q: Queryable): void {
  cache.delete(q);
}

/**
 * Writes the given settings (null or an empty value removes the row: the default applies again).
 * Returns the keys whose stored value changed. Run it inside the transaction that audits it.
 */
export async function saveSettings(tx: Queryable, actorId: string, patch: Partial<MemberSettings>): Promise<SettingKey[]> {
  const before = await savedSettings(tx);
  const changed: SettingKey[] = [];
  for (const key of SETTING_KEYS) {
    if (!(key in patch)) continue;
    const v = patch[key];
    const empty = v == null || v === '' || (Array.isArray(v) && v.length === 0);
    if (JSON.stringify(empty ? undefined : v) === JSON.stringify(before[key])) continue;
    if (empty) await tx.query('delete from member_settings where key = $1', [key]);
    else {
      await tx.query(
        `insert into member_settings (key, value, updated_by) values ($1, $2::jsonb, $3)
           on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`,
        [key, JSON.stringify(v), actorId],
      );
    }
    changed.push(key);
  }
  return changed;
}

/** Trims and NFC-normalises free text officials typed; lines are kept, runs of spaces are not. */
export function cleanText(s: string): string {
  return nfc(s)
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The safety layer's numbers with what officials set in place of the configured defaults. */
export async function effectiveNumbers(
  q: Queryable,
  config: Pick<Config, 'EMERGENCY_POLICE' | 'EMERGENCY_CHILD' | 'EMERGENCY_MEDICAL' | 'EMERGENCY_DV_HOTLINE' | 'LEGAL_AID_PHONE'>,
): Promise<Numbers> {
  const s = await memberSettings(q, config);
  return {
    EMERGENCY_POLICE: config.EMERGENCY_POLICE,
    EMERGENCY_CHILD: config.EMERGENCY_CHILD,
    EMERGENCY_MEDICAL: config.EMERGENCY_MEDICAL,
    EMERGENCY_DV_HOTLINE: s.dvHotline,
    LEGAL_AID_PHONE: s.legalAidPhone,
    PROVINCE_CHILD_LINE: s.provinceChildLine,
  };
}
