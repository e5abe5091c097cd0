import type { Level } from './assess.js';

const ORDER: Level[] = ['ordinary', 'urgent', 'emergency'];

/**
 * The higher of two levels: the model may raise the offline level, never lower it. Kept apart from
 * the model's client (llm-classify.ts) so that the chat path does not load a provider library offline.
 */
export function raise(offline: Level, model: Level | null): Level {
  return model && ORDER.indexOf(model) > ORDER.indexOf(offline) ? model : offline;
}
