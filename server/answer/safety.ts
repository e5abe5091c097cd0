import { nfc, syllableMatches, syllables, typedWithoutDiacritics } from '../../ingest/text/vietnamese.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Classifies a message before any law is looked up: danger now (emergency), attempts to steer
 * the assistant (injection), or subjects outside the library. Patterns are data (safety.tsv).
 */
export interface SafetySignals {
  emergency: boolean;
  injection: boolean;
  offDomain: boolean;
}

type Cls = keyof SafetySignals;
let patterns: Map<Cls, string[][]> | null = null;

function load(): Map<Cls, string[][]> {
  if (patterns) return patterns;
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'safety.tsv');
  const rows = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => nfc(l).split('\t'));
  const map = new Map<Cls, string[][]>();
  const key: Record<string, Cls> = { emergency: 'emergency', injection: 'injection', off_domain: 'offDomain' };
  for (const [cls, phrases] of rows) {
    const k = key[cls!.trim()];
    if (!k || !phrases) continue;
    map.set(k, [...(map.get(k) ?? []), ...phrases.split('|').map((p) => syllables(p)).filter((p) => p.length)]);
  }
  patterns = map;
  return map;
}

function matches(tokens: string[], pattern: string[], loose: boolean): boolean {
  outer: for (let i = 0; i + pattern.length <= tokens.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (!syllableMatches(tokens[i + j]!, pattern[j]!, loose)) continue outer;
    return true;
  }
  return false;
}

export function classifyMessage(message: string): SafetySignals {
  const tokens = syllables(message);
  const p = load();
  const loose = typedWithoutDiacritics(tokens);
  const any = (cls: Cls) => (p.get(cls) ?? []).some((pat) => matches(tokens, pat, loose));
  return { emergency: any('emergency'), injection: any('injection'), offDomain: any('offDomain') };
}
