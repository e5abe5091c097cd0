import { fold, STOP_SYLLABLES, syllables } from '../../../ingest/text/vietnamese.js';

/**
 * What she says did not happen, and which khoản says the same: "chưa từng lên xã đăng ký kết hôn, có
 * được coi là vợ hợp pháp không" is answered by "chung sống … mà không đăng ký kết hôn thì không làm
 * phát sinh quyền, nghĩa vụ giữa vợ và chồng" (HN&GĐ Điều 14 khoản 1), not by the khoản on a couple
 * who register later, which shares every word of hers but the "không".
 *
 * Read on folded syllables, clause by clause: a negator ends no question here ("có được nghỉ
 * không", "đăng ký chưa" — the particle has nothing after it in its clause).
 */
const NEGATORS = new Set(['khong', 'ko', 'k', 'chua', 'chang', 'cha', 'kg', 'hk']);
/** Between a negator and its act: "chưa từng", "không hề", "không được", "chưa có", "không chịu". */
const AUXILIARIES = new Set(['tung', 'he', 'duoc', 'dc', 'co', 'phai', 'chiu', 'bao', 'gio', 'the', 'ai', 'con', 'di', 'len', 've', 'ra', 'lam']);
/** Content syllables of the act read after a negator in her message, and in a law's sentence. */
const HER_REACH = 4;
const LAW_REACH = 3;

function clauses(text: string): string[][] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[,.;:?!\n]+/u)
    .map((c) => syllables(c).map(fold));
}

function negatedIn(text: string, reach: number): Set<string> {
  const out = new Set<string>();
  for (const c of clauses(text))
    for (let i = 0; i < c.length; i++) {
      if (!NEGATORS.has(c[i]!)) continue;
      let taken = 0;
      for (let j = i + 1; j < c.length && taken < reach; j++) {
        const t = c[j]!;
        if (NEGATORS.has(t)) break;
        if (AUXILIARIES.has(t) || STOP_SYLLABLES.has(t)) continue;
        out.add(t);
        taken++;
      }
    }
  return out;
}

/** The content syllables of the acts she negates ("chưa đăng ký kết hôn" → dang, ky, ket, hon). */
export function negatedByHer(question: string): ReadonlySet<string> {
  return negatedIn(question, HER_REACH);
}

/** Whether a law's sentence negates one of the acts she negates. */
export function negatesToo(text: string, hers: ReadonlySet<string>): boolean {
  if (!hers.size) return false;
  for (const t of negatedIn(text, LAW_REACH)) if (hers.has(t)) return true;
  return false;
}
