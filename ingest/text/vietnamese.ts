/**
 * Vietnamese text helpers used by ingest, retrieval and the offline embedder alike, so that a
 * document and a question typed on a phone without dấu end up as the same tokens.
 */

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Lower-case and strip diacritics (đ → d). The SQL side uses unaccent(lower(...)) to match. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Syllables (Vietnamese words are written as space-separated syllables), lower-case NFC. */
export function syllables(s: string): string[] {
  return nfc(s)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Folded syllables, ready for matching text typed without diacritics. */
export function foldedSyllables(s: string): string[] {
  return syllables(fold(s));
}

/** Does the text carry any Vietnamese diacritic? Used to weigh accented evidence. */
export function hasDiacritics(s: string): boolean {
  return fold(s) !== nfc(s).toLowerCase();
}

/**
 * Function words that carry no legal meaning; dropping them keeps query expansion and the
 * hashed embedder focused on content syllables. Folded forms.
 */
export const STOP_SYLLABLES = new Set(
  (
    'va cua la thi ma co khong ko k kg hay hoac cac nhung mot nay do day kia voi cho trong tren duoi ' +
    'de duoc dc bi se da dang roi nhu vay the nao gi sao ai a a. ah a? nhe nha oi u vang da ' +
    'toi em e minh chi anh ban tao no ho ta chung ' +
    'neu khi ve tu den theo tai ra vao lai cung con rat qua nua moi lam phai can muon biet hoi xin'
  ).split(/\s+/),
);

/**
 * True when a message looks typed without dấu (fewer than a fifth of its syllables carry any).
 * Only then may an unaccented syllable stand for an accented one: in a message written with
 * dấu, "bao" means "bao", not "bão".
 */
export function typedWithoutDiacritics(tokens: string[]): boolean {
  if (!tokens.length) return false;
  const accented = tokens.filter((t) => fold(t) !== t).length;
  return accented / tokens.length < 0.2;
}

/** Syllable match for phrase tables: exact, or loose (any accent) when `loose` is set. */
export function syllableMatches(typed: string, pattern: string, loose: boolean): boolean {
  if (typed === pattern) return true;
  return loose && fold(typed) === typed && fold(pattern) === typed;
}
