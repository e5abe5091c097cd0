import { readMessage } from '../safety/gate.js';

/**
 * Earlier, flat view of the safety layer, kept for callers that only need yes/no signals.
 * The assessment itself lives in server/safety/ (who/what/when, refusals, scope).
 */
export interface SafetySignals {
  emergency: boolean;
  injection: boolean;
  offDomain: boolean;
}

export function classifyMessage(message: string): SafetySignals {
  const r = readMessage(message);
  return { emergency: r.level === 'emergency', injection: r.request?.kind === 'injection', offDomain: r.request?.kind === 'offtopic' };
}
