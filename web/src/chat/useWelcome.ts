import type { Welcome } from '../../shared/settings-types.js';
import { useWelcome as useSharedWelcome } from '../../shared/useWelcome.js';
import { api } from '../lib/api.js';

/** The officials' welcome and suggested questions for the web chat and the widget. */
export function useWelcome(): Welcome {
  return useSharedWelcome(api);
}
