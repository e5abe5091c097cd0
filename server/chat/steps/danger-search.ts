import { fold } from '../../../ingest/text/vietnamese.js';
import { readTable } from '../../answer/templates.js';
import { wantsOf } from '../../answer/plain/intent.js';
import type { SafetyRead } from '../../safety/gate.js';

let table: Map<string, string> | null = null;
const loadTable = () => new Map(readTable('danger-search.tsv').map(([k, v]) => [k!, v!]));

/**
 * The law's words for the harms her message shows, in an emergency (prompts/danger-search.tsv):
 * searched beside her words so that the law an emergency answer states is about the danger. Null
 * otherwise, or for a harm without a row: an urgent message that has stopped is mostly a legal
 * question of its own ("con bé bị sờ mó năm ngoái, giờ em muốn kiện"), and steering it to the harm
 * lowered the blind set's answers citing a gold article 0.892 → 0.867. Null too when she asks
 * something of her own that the answer reads (intent.ts wantsOf: what happens to him, whom to tell,
 * where, how long, how much): her words find the article that answers it, which the harm's words had
 * put behind the definition of the act or a sister offence — a 14-year-old drawn into sex had led
 * with rape of a child under 16 (BLHS Điều 142), not Điều 145; a child abused at home, asking whether
 * the commune can take her out at once and for how long, with the list of abuses, not the removal
 * (Nghị định 56 Điều 32). Member probes and review 50: ten answers now lead with a gold article, none
 * lost one; blind and dev unchanged.
 */
export function dangerSearch(read: SafetyRead, message = ''): string | null {
  if (read.level !== 'emergency' || asksProtection(message) || wantsOf(message).length > 0) return null;
  table ??= loadTable();
  const child = read.danger.who.child;
  const words = new Set<string>();
  // A child touched is read as sexual harm (assess.ts) and told the law on touching (the "grope" rows).
  const touched = read.danger.touchedOnly === true;
  for (const w of read.danger.what) {
    const what = w === 'sexual' && touched ? 'grope' : w;
    const row = (child && table.get(`${what}:child`)) || table.get(what);
    if (row) for (const w of row.split(';')) words.add(w.trim());
  }
  return words.size ? [...words].join('; ') : null;
}

/**
 * Whether any law of ours speaks to the danger read: not to self-harm, an illness or a birth alone,
 * where the law would only be words beside the numbers. A danger read without a harm (a cry for
 * help, or one the model raised) keeps the law: what it is about is not known.
 */
export function lawSpeaksTo(read: SafetyRead): boolean {
  table ??= loadTable();
  const what = read.danger.what;
  return what.length === 0 || what.some((w) => table?.has(w) || table?.has(`${w}:child`));
}

/**
 * She asks for the protection itself — an order keeping him away, a place to stay ("xin cho anh ta không được lại gần
 * mẹ con tôi", "tòa có cấm anh ta đến gần em được không", "nhà tạm lánh ở đâu"): her own words name the law she needs
 * (PCBLGĐ Điều 25, 26, 36), and the harm's words would put the definition of violence (Điều 3) before it.
 */
const PROTECTION = /\b(cam tiep xuc|lenh cam|tam lanh|(khong (duoc|cho)|cam) (\S+ ){0,3}(lai gan|den gan|toi gan|tiep can))\b/;
export function asksProtection(message: string): boolean {
  return PROTECTION.test(fold(message.normalize('NFC').toLowerCase()));
}
