import { useEffect, useState } from 'react';
import type { Welcome } from './settings-types.js';

/**
 * The welcome text and suggested questions officials set in the console (GET /api/welcome),
 * for every chat face. Until it answers, or when nothing is set or the request fails, each face
 * shows its own.
 */
export function useWelcome(api: { welcome(signal?: AbortSignal): Promise<Welcome> }): Welcome {
  const [welcome, setWelcome] = useState<Welcome>({ welcome: null, suggestions: [] });
  useEffect(() => {
    const ctrl = new AbortController();
    api.welcome(ctrl.signal).then(setWelcome, () => undefined);
    return () => ctrl.abort();
  }, [api]);
  return welcome;
}
