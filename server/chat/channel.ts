/**
 * Where a conversation is held: the web chat, the widget on a partner's site, the Zalo Mini App,
 * or /v1 (an integration with an API key). Recorded with the first turn for the officials'
 * monthly report by channel (migration 062 holds the same closed list).
 */
export const CHANNELS = ['web', 'widget', 'zalo', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What members' clients may say they are; "api" is set by the /v1 routes themselves. */
export const CLIENT_CHANNELS = CHANNELS.filter((c) => c !== 'api');
