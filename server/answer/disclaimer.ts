import { render } from './templates.js';

/**
 * The line every answer ends with: not a lawyer's advice, and where free legal aid is — the
 * number officials set in the console (or the configured default), passed with each answer.
 */
export function disclaimer(legalAidPhone: string): string {
  return render('disclaimer.vi.txt', { legalAid: legalAidPhone ? ` (${legalAidPhone})` : '' });
}
