/**
 * Text shown to people as a name (a file name, a title, an issuer): control characters, bidi
 * overrides and isolates, and invisible format characters removed, NFC, spaces collapsed.
 * A right-to-left override (U+202E) makes "luat‮fdp.exe" display as "luatexe.pdf": in a name
 * it can only mislead, and no Vietnamese text needs one.
 */
const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb]/g;

export function displayText(raw: string): string {
  return raw.normalize('NFC').replace(HIDDEN, ' ').replace(/\s+/g, ' ').trim();
}
