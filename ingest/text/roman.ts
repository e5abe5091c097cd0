/** Roman numerals, as Vietnamese documents number their parts ("Phần III", "II. NHIỆM VỤ"). */

const NUMERALS: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
const VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of NUMERALS) while (n >= v) (out += s), (n -= v);
  return out;
}

/** The value of an upper-case numeral; unknown letters count 0. */
export function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = VALUE[s[i]!] ?? 0;
    const next = VALUE[s[i + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}
