import { useEffect, useState } from 'react';
import type { Welcome } from './settings-types.js';

/**
 * The welcome text and suggested questions officials set in the console (GET /api/welcome),
 * for every chat face. Until it answers, or when nothing is set or the request fails, each face
 * shows its own.
 */
/** Until GET /api/welcome answers: the server's default limits (it checks them again anyway). */
const BEFORE_LOADED: Welcome = { welcome: null, suggestions: [], limits: { messageChars: 2000, noteChars: 1000 } };

export function useWelcome(api: { welcome(signal?: AbortSignal): Promise<Welcome> }): Welcome {
  const [welcome, setWelcome] = useState<Welcome>(BEFORE_LOADED);
  useEffect(() => {
    const ctrl = new AbortController();
    api.welcome(ctrl.signal).then(setWelcome, () => undefined);
    return () => ctrl.abort();
  }, [api]);
  return welcome;
}
