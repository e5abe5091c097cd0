/**
 * Typing robustness of the danger assessment, measured mechanically. Every danger-now message of
 * our own safety sets (dev, check, tune, holdout…holdout-5) is retyped the way a phone user
 * might, one kind of error at a time, and read again by assessDanger; the past and general
 * messages are retyped the same way to see whether an error raises a false alarm.
 *
 *   npx tsx eval/safety-perturb.ts              # catch and no-false-alarm rate per kind
 *   npx tsx eval/safety-perturb.ts --misses strip   # the danger messages missed under one kind
 *
 * Deterministic: each message and kind draws from its own seeded generator, so two runs on the
 * same tree print the same figures and a change shows as a change of the reader, not of the noise.
 * It calls the offline assessment directly (the level that makes a reply "emergency"), not the
 * chat path: ~3,000 messages × 20 kinds read in seconds instead of an hour of retrieval.
 * `--rules-only` leaves the learned backstop out: these sets are among its training examples, so
 * the rules' own robustness is the figure that says how a new kind of message will fare.
 */
import fs from 'node:fs';
import path from 'node:path';
import { assessDanger } from '../server/safety/assess.js';
import { withLearned } from '../server/safety/learned.js';
import { readSafetyRows, type SafetyRow } from './safety.js';
import { ROOT } from './store.js';
import { generator, hash } from './seeded.js';

const SETS = [
  'safety-dev',
  'safety-check',
  'safety-tune',
  'safety-holdout',
  'safety-holdout-2',
  'safety-holdout-3',
  'safety-holdout-4',
  'safety-holdout-5',
  'safety-holdout-6',
];

type Rng = () => number;
/** One kind of typing error: the message in, the message as retyped out. */
type Perturb = (message: string, rng: Rng) => string;

const HUYEN = '\u0300';
const SAC = '\u0301';
const NGA = '\u0303';
const HOI = '\u0309';
const NANG = '\u0323';
const TONES = new RegExp(`[${HUYEN}${SAC}${NGA}${HOI}${NANG}]`, 'g');
/** Circumflex, breve and horn: the marks that make â ă ê ô ơ ư. */
const VOWEL_MARKS = /[\u0302\u0306\u031B]/g;

/** Applies f to each word (a run of letters) with probability p; the rest of the text is kept. */
function perWord(message: string, rng: Rng, p: number, f: (w: string) => string): string {
  return message.replace(/\p{L}+/gu, (w) => (rng() < p ? f(w) : w));
}

const nfd = (w: string) => w.normalize('NFD');
const nfc = (w: string) => w.normalize('NFC');
const stripAll = (w: string) => nfc(nfd(w).replace(TONES, '').replace(VOWEL_MARKS, '')).replace(/đ/g, 'd').replace(/Đ/g, 'D');
const stripTone = (w: string) => nfc(nfd(w).replace(TONES, ''));
const stripVowelMark = (w: string) => nfc(nfd(w).replace(VOWEL_MARKS, '')).replace(/đ/g, 'd').replace(/Đ/g, 'D');
/**
 * One tone mark for another. In NFD the dot below sits before a circumflex or horn ("ộ" is o, dot,
 * circumflex), so the new mark goes after the vowel's own marks, where NFC can compose it.
 */
const swapTone = (from: string, to: string) => (w: string) => {
  const d = nfd(w);
  const i = d.indexOf(from);
  if (i < 0) return w;
  const rest = d.slice(0, i) + d.slice(i + 1);
  let j = i;
  while (j < rest.length && /[\u0302\u0306\u031B]/.test(rest[j]!)) j++;
  return nfc(rest.slice(0, j) + to + rest.slice(j));
};

/** Replaces a syllable's onset or rhyme, keeping the marks of the rest: "sợ" → "xợ". */
function onset(pairs: [RegExp, string][]): (w: string) => string {
  return (w) => {
    const lower = w.toLowerCase();
    for (const [re, to] of pairs) if (re.test(lower)) return lower.replace(re, to);
    return w;
  };
}

/** Southern finals after a, ă, â: -n and -ng, -t and -c merge ("đang" → "đan", "mất" → "mấc"). */
function finals(from: string, to: string): (w: string) => string {
  return (w) => {
    const d = nfd(w.toLowerCase());
    const re = new RegExp(`(a[\\u0302\\u0306]?[\\u0300-\\u0323]?)${from}$`);
    return re.test(d) ? nfc(d.replace(re, `$1${to}`)) : w;
  };
}

/** Teen code as typed on phones: whole words and onsets. */
const TEEN_WORDS: Record<string, string[]> = {
  không: ['ko', 'k', 'kh', 'hok'],
  được: ['dc', 'đc'],
  gì: ['j'],
  chồng: ['ck'],
  vợ: ['vk'],
  em: ['e'],
  anh: ['a'],
  rồi: ['r'],
  với: ['vs'],
  biết: ['bít'],
  thôi: ['thui'],
  vậy: ['v', 'z'],
  mình: ['mk'],
  đi: ['di'],
  người: ['ng'],
  bây: ['bi'],
};
function teen(w: string, rng: Rng): string {
  const lower = w.toLowerCase();
  const forms = TEEN_WORDS[lower];
  if (forms) return forms[Math.floor(rng() * forms.length)]!;
  if (/^gi(?=\p{L})/u.test(lower)) return lower.replace(/^gi/u, 'z');
  if (/^d(?=\p{L})/u.test(lower)) return lower.replace(/^d/u, 'z');
  if (/^qu(?=\p{L})/u.test(lower)) return lower.replace(/^qu/u, 'w');
  if (/^ph(?=\p{L})/u.test(lower)) return lower.replace(/^ph/u, 'f');
  return w;
}

/** One word of three letters or more gets one change at a random letter. */
function oneWord(message: string, rng: Rng, f: (w: string, at: number) => string): string {
  const words = [...message.matchAll(/\p{L}{3,}/gu)];
  if (!words.length) return message;
  const m = words[Math.floor(rng() * words.length)]!;
  const chars = [...m[0]];
  const at = Math.floor(rng() * chars.length);
  return message.slice(0, m.index) + f(m[0], at) + message.slice(m.index! + m[0].length);
}

const EMOJI = ['😭', '😢', '🙏', '😱', '💔', '😰'];

export const KINDS: Record<string, Perturb> = {
  none: (m) => m,
  strip: (m) => stripAll(m),
  'tone-missing': (m, r) => perWord(m, r, 0.5, stripTone),
  'vowel-mark-missing': (m, r) => perWord(m, r, 0.5, stripVowelMark),
  'hoi-nga': (m, r) => perWord(m, r, 1, (w) => (nfd(w).includes(HOI) ? swapTone(HOI, NGA)(w) : swapTone(NGA, HOI)(w))),
  'nga-nang': (m, r) => perWord(m, r, 1, (w) => (nfd(w).includes(NGA) ? swapTone(NGA, NANG)(w) : swapTone(NANG, NGA)(w))),
  's-x': (m, r) =>
    perWord(
      m,
      r,
      1,
      onset([
        [/^s/u, 'x'],
        [/^x/u, 's'],
      ]),
    ),
  'ch-tr': (m, r) =>
    perWord(
      m,
      r,
      1,
      onset([
        [/^ch/u, 'tr'],
        [/^tr/u, 'ch'],
      ]),
    ),
  'd-gi-r': (m, r) =>
    perWord(
      m,
      r,
      1,
      onset([
        [/^r/u, 'd'],
        [/^gi(?=\p{L})/u, 'd'],
        [/^d/u, 'gi'],
      ]),
    ),
  'l-n': (m, r) =>
    perWord(
      m,
      r,
      1,
      onset([
        [/^l/u, 'n'],
        [/^n(?!g|h)/u, 'l'],
      ]),
    ),
  'n-ng': (m, r) => perWord(m, r, 1, (w) => (/ng$/.test(w) ? finals('ng', 'n')(w) : finals('n', 'ng')(w))),
  't-c': (m, r) => perWord(m, r, 1, (w) => (/t$/.test(w) ? finals('t', 'c')(w) : finals('c', 't')(w))),
  teencode: (m, r) => perWord(m, r, 0.7, (w) => teen(w, r)),
  'drop-letter': (m, r) => oneWord(m, r, (w, at) => [...w].filter((_, i) => i !== at).join('')),
  'double-letter': (m, r) => oneWord(m, r, (w, at) => [...w].map((c, i) => (i === at ? c + c : c)).join('')),
  'no-space-after-punct': (m) => m.replace(/([,.!?;:])\s+/g, '$1'),
  caps: (m) => m.toUpperCase(),
  'emoji-repeat': (m, r) => {
    const stretched = oneWord(m, r, (w) => w + w.at(-1)!.repeat(2 + Math.floor(r() * 3)));
    const e = EMOJI[Math.floor(r() * EMOJI.length)]!;
    return `${stretched} ${e}${e}`;
  },
  'run-together': (m, r) => m.replace(/(?<=\p{L}) (?=\p{L})/gu, (s) => (r() < 0.35 ? '' : s)),
};

export function perturb(row: Pick<SafetyRow, 'id' | 'message'>, kind: string): string {
  return KINDS[kind]!(row.message, generator(hash(`${kind}\u0000${row.id}\u0000${row.message}`)));
}

/** The danger-now and past/general messages of every set present, each message once. */
export function ownRows(): SafetyRow[] {
  const seen = new Set<string>();
  const rows: SafetyRow[] = [];
  for (const name of SETS) {
    const file = path.join(ROOT, 'eval', `${name}.jsonl`);
    if (!fs.existsSync(file)) continue;
    for (const r of readSafetyRows(file)) {
      if ((r.expect !== 'emergency' && r.expect !== 'no_alarm') || seen.has(r.message)) continue;
      seen.add(r.message);
      rows.push(r);
    }
  }
  return rows;
}

function main() {
  const args = process.argv.slice(2);
  const read = args.includes('--rules-only') ? assessDanger : (m: string) => withLearned(assessDanger(m), m);
  const rows = ownRows();
  const danger = rows.filter((r) => r.expect === 'emergency');
  const past = rows.filter((r) => r.expect === 'no_alarm');
  const missesOf = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined;
  const alarmsOf = args.includes('--alarms') ? args[args.indexOf('--alarms') + 1] : undefined;
  console.log(`perturbed safety messages: ${danger.length} danger-now, ${past.length} past or general`);
  console.log('kind                   danger caught   no false alarm');
  for (const kind of Object.keys(KINDS)) {
    if ((missesOf || alarmsOf) && kind !== missesOf && kind !== alarmsOf) continue;
    const caught = danger.filter((r) => read(perturb(r, kind)).level === 'emergency');
    const calm = past.filter((r) => read(perturb(r, kind)).level !== 'emergency');
    console.log(`${kind.padEnd(22)} ${(caught.length / danger.length).toFixed(3).padStart(13)}   ${(calm.length / past.length).toFixed(3).padStart(14)}`);
    if (kind === missesOf) for (const r of danger) if (!caught.includes(r)) console.log(`  miss ${r.id}: ${perturb(r, kind)}  ⟵  ${r.message}`);
    if (kind === alarmsOf) for (const r of past) if (!calm.includes(r)) console.log(`  alarm ${r.id}: ${perturb(r, kind)}  ⟵  ${r.message}`);
  }
}

if (process.argv[1]?.endsWith('eval/safety-perturb.ts')) main();
