import type { WelcomeBody } from './api.gen.js';

/** What members see that officials set in the console (server/settings/routes.ts). */
export interface MemberSettings {
  dvHotline: string;
  legalAidPhone: string;
  provinceChildLine: string;
  welcome: string | null;
  suggestions: string[];
}

export interface MemberSettingsView {
  /** The values members see now. */
  effective: MemberSettings;
  /** Only the values saved in the console. */
  saved: Partial<MemberSettings>;
  /** The server's configured values, used when nothing is saved. */
  defaults: MemberSettings;
}

export type MemberSettingsPatch = { [K in keyof MemberSettings]?: MemberSettings[K] | null };

/** GET /api/welcome: null / empty means the chat's own welcome and suggestions; limits are what the server accepts. */
export type Welcome = WelcomeBody;
