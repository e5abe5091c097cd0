import { useEffect, useState } from 'react';
import type { Welcome } from '../../shared/settings-types.js';
import { api } from '../lib/api.js';

/**
 * The welcome text and suggested questions officials set in the console (GET /api/welcome).
 * Until it answers, or when nothing is set or the request fails, the chat shows its own.
 */
export function useWelcome(): Welcome {
  const [welcome, setWelcome] = useState<Welcome>({ welcome: null, suggestions: [] });
  useEffect(() => {
    const ctrl = new AbortController();
    api.welcome(ctrl.signal).then(setWelcome, () => undefined);
    return () => ctrl.abort();
  }, []);
  return welcome;
}
