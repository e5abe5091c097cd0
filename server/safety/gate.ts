import type { Config } from '../../config/config.js';
import { readTable, render } from '../answer/templates.js';
import type { Retriever, SearchResult } from '../retrieval/retriever.js';
import { assessDanger, type Assessment, type Level } from './assess.js';
import { withLearned } from './learned.js';
import { readRequest, type Request } from './requests.js';

/**
 * What the chat core asks of the safety layer: how dangerous the message is, whether it is a
 * request to refuse, which numbers and steps go first, and the refusal texts. The decisions are
 * in assess.ts (danger), requests.ts (refusals) and scope.ts (does the library answer it).
 */

export interface SafetyRead {
  level: Level;
  danger: Assessment;
  request: Request | null;
}

export interface SafetyNumber {
  label: string;
  number: string;
}

/** Reads a message offline: a few milliseconds, no I/O. */
export function readMessage(message: string): SafetyRead {
  // The rules decide; the learned backstop may only raise what they left below an emergency.
  const danger = withLearned(assessDanger(message), message);
  return { level: danger.level, danger, request: readRequest(message) };
}

/**
 * A request refused before retrieval: steering attempts and unlawful requests, unless she is in
 * danger (a woman in danger is never refused, whatever else her message says).
 */
export function refusedUpFront(read: SafetyRead): boolean {
  return read.level === 'ordinary' && (read.request?.kind === 'injection' || read.request?.kind === 'unlawful');
}

/**
 * The numbers the safety layer offers: national ones from the configuration, the hotline, legal
 * aid and the province's child line as officials set them (server/settings/store.ts).
 */
export type Numbers = Pick<Config, 'EMERGENCY_POLICE' | 'EMERGENCY_CHILD' | 'EMERGENCY_MEDICAL' | 'EMERGENCY_DV_HOTLINE' | 'LEGAL_AID_PHONE'> & {
  PROVINCE_CHILD_LINE?: string;
};

const POLICE = 'Công an';
const CHILD = 'Tổng đài quốc gia bảo vệ trẻ em';
const PROVINCE_CHILD = 'Đường dây bảo vệ trẻ em của tỉnh';
const MEDICAL = 'Cấp cứu y tế';
const DV = 'Đường dây nóng phòng, chống bạo lực gia đình';
const LEGAL_AID = 'Trợ giúp pháp lý';

/**
 * Numbers for the call buttons, most fitting first. Emergency: police, then the child line or
 * the ambulance when a child or an injury is involved, then the local hotline. Urgent: the child
 * line for a child, the hotline and legal aid — no police number, since nothing is happening now.
 */
export function safetyNumbers(c: Numbers, read: Pick<SafetyRead, 'danger'>, level: Level): SafetyNumber[] {
  const { child, medical } = read.danger.needs;
  const out: SafetyNumber[] = [];
  const add = (label: string, number: string) => number && !out.some((n) => n.number === number) && out.push({ label, number });
  if (level === 'emergency') {
    add(POLICE, c.EMERGENCY_POLICE);
    if (child) add(CHILD, c.EMERGENCY_CHILD);
    if (child) add(PROVINCE_CHILD, c.PROVINCE_CHILD_LINE ?? '');
    if (medical) add(MEDICAL, c.EMERGENCY_MEDICAL);
    add(CHILD, c.EMERGENCY_CHILD);
    add(DV, c.EMERGENCY_DV_HOTLINE);
  } else if (level === 'urgent') {
    if (child) add(CHILD, c.EMERGENCY_CHILD);
    if (child) add(PROVINCE_CHILD, c.PROVINCE_CHILD_LINE ?? '');
    add(DV, c.EMERGENCY_DV_HOTLINE);
    add(LEGAL_AID, c.LEGAL_AID_PHONE);
  }
  return out;
}

/** Every number, for the Zalo Mini App's call screen (GET /api/emergency). */
export function allNumbers(c: Numbers): SafetyNumber[] {
  return safetyNumbers(c, { danger: { needs: { child: true, medical: true } } as Assessment }, 'emergency');
}

let steps: Map<string, string> | null = null;
function step(key: string, c: Numbers): string {
  steps ??= new Map(readTable('safety-steps.tsv').map(([k, v]) => [k!, v!]));
  return (steps.get(key) ?? '').replace(
    /\{\{(\w+)\}\}/g,
    (_, k: string) => ({ police: c.EMERGENCY_POLICE, child: c.EMERGENCY_CHILD, medical: c.EMERGENCY_MEDICAL })[k] ?? '',
  );
}

const listed = (numbers: SafetyNumber[]) => numbers.map((n) => `${n.number} (${n.label})`).join(', ');

/** Harms done to her body: with one of them an urgent answer's step is about the beating. */
const HURT: ReadonlySet<string> = new Set(['violence', 'weapon', 'mild', 'injury', 'sexual', 'grope']);

/** Harms no one else is doing: with only these, an emergency has no one to get away from. */
const NO_ONE_ELSE: ReadonlySet<string> = new Set(['selfharm', 'medical', 'pregnant', 'mild']);

/**
 * The lines above the law. Emergency: the numbers, a safe place (when someone is doing it) and at
 * most two steps that fit what she wrote, then the law's heading unless `withLaw` is false (no law
 * speaks to the danger: chat/steps/danger-search.ts). Urgent: the helplines and one next step.
 * Ordinary: nothing.
 */
export function safetyPreface(c: Numbers, read: SafetyRead, level: Level, numbers: SafetyNumber[], withLaw = true): string {
  const what = new Set(read.danger.what);
  if (level === 'emergency') {
    // Harm she or her body is in without anyone doing it (self-harm, an illness, a birth): there is no
    // one to get away from.
    const byOther = what.size === 0 || [...what].some((w) => !NO_ONE_ELSE.has(w));
    // Someone else taken or gone missing (a child not found at the market, a girl driven off towards
    // the border): she is not with the one who took them, so what to report comes first — not "get
    // away from him" nor "take the child away from him". Held somewhere near her or touched, the
    // child's own step stays.
    const missing = what.has('taken') && !read.danger.who.self && !what.has('confine') && !what.has('sexual');
    const keys = [
      missing && 'emergency.missing',
      what.has('selfharm') && 'emergency.selfharm',
      // Put out at night: where to sleep tonight comes before anything about the man.
      what.has('expelled') && 'emergency.expelled',
      read.danger.needs.child && !missing && 'emergency.child',
      read.danger.needs.medical && !what.has('selfharm') && 'emergency.medical',
      (what.has('taken') || what.has('confine') || what.has('married')) && 'emergency.taken',
      what.has('weapon') && 'emergency.weapon',
      byOther && !missing && 'emergency.violence',
    ].filter((k): k is string => Boolean(k));
    // Gone from her, the place to go to is no step of hers; the victim's own (send where you are) stays
    // second, for a child writing of herself as "con".
    const place = byOther && !missing ? [step('emergency.place', c)] : [];
    const lines = [...place, ...keys.slice(0, 2).map((k) => step(k, c))].map((l) => `• ${l}`);
    const law = withLaw ? `${render('emergency-law.vi.txt')}\n` : '';
    return `${render('emergency.vi.txt', { numbers: listed(numbers), steps: lines.join('\n') })}\n${law}`;
  }
  if (level === 'urgent') {
    const call = numbers.length ? `gọi ${listed(numbers)}.` : 'chị không phải tự xoay xở một mình.';
    return `${render('urgent.vi.txt', { numbers: call, step: step(urgentStep(read), c) }).replace(/\.\. /, '. ')}\n`;
  }
  return '';
}

/**
 * The one next step of an urgent answer, by what she told. "nếu bị đánh lần nữa, hãy đi khám" is
 * advice for a beating: a message naming no blow (a child groomed, a forced marriage, papers held,
 * being put out, starved or watched) gets the step that fits it.
 */
function urgentStep(read: SafetyRead): string {
  const what = new Set(read.danger.what);
  const hurt = [...what].some((w) => HURT.has(w));
  if (read.danger.rule === 'trafficking-suspected') return 'urgent.trafficking';
  if (what.has('selfharm')) return 'urgent.selfharm';
  // A child made to work ("bị ông chú bắt đi bán vé số cả ngày"): the child line for the child, not a victim's return home.
  if (read.danger.rule === 'child-made-to-work' && !hurt) return 'urgent.childwork';
  // Taken away or sold and back now ("bị lừa bán sang Trung Quốc, giờ về được rồi"): being
  // recognised as a victim and helped — a child (made to beg or sell all day, or back home) by the child line.
  if (what.has('taken') && !hurt) return read.danger.needs.child ? 'urgent.childtaken' : 'urgent.returned';
  // Touched or assaulted: a child needs a doctor and the child line; a woman, where to report it and what to keep.
  if (what.has('sexual') || what.has('grope')) return read.danger.needs.child ? 'urgent.child' : 'urgent.sexual';
  // Intimate pictures posted or held over her: what to keep and what not to send.
  if (what.has('image')) return 'urgent.image';
  // A child drawn in by messages or gifts, nothing done yet: keep the messages, keep the child away from him.
  if (read.danger.rule === 'grooming') return 'urgent.grooming';
  // She dares not go home tonight: where to sleep.
  if (read.danger.rule === 'afraid-of-home' && !hurt) return 'urgent.shelter';
  if (hurt) return 'urgent.violence';
  // Made to marry, or papers and pay held, the threat told with it or not: who can step in, what to keep.
  if (what.has('married')) return 'urgent.married';
  if (what.has('bonded')) return 'urgent.bonded';
  // Threatened, not (yet) hurt: what to keep — a threat to put her out too ("dọa đuổi ra khỏi nhà").
  if (what.has('threat')) return 'urgent.threat';
  if (what.has('expelled')) return 'urgent.expelled';
  return 'urgent.home';
}

/**
 * Where the article stating an unlawful request's consequence is searched for: the search is the
 * same for every message of that kind, so keep it for a minute (an upload shows within it).
 */
const consequenceCache = new Map<string, { at: number; retriever: Retriever; result: SearchResult }>();
const CONSEQUENCE_TTL_MS = 60_000;
/** Only a close match may be named as the source of a consequence. */
export const CONSEQUENCE_MIN_COVERAGE = 0.75;

/**
 * The refusal text for a message refused up front or found outside the library. A question refused
 * with no off-topic subject found is a legal question the library holds no text on: she is told so
 * plainly, and where to ask for free (legal aid, with the number officials set, or the commune's
 * justice officer), rather than answered from a law that does not govern it.
 */
export async function refusalText(read: SafetyRead, retriever: Retriever, legalAidPhone = ''): Promise<string> {
  const r = read.request;
  if (r?.kind === 'injection') return render('injection.vi.txt');
  if (r?.kind === 'unlawful') {
    let cached = consequenceCache.get(r.consequenceQuery);
    if (!cached || cached.retriever !== retriever || Date.now() - cached.at > CONSEQUENCE_TTL_MS) {
      cached = { at: Date.now(), retriever, result: await retriever.search(r.consequenceQuery, { k: 1 }) };
      consequenceCache.set(r.consequenceQuery, cached);
    }
    const hit = cached.result.coverage >= CONSEQUENCE_MIN_COVERAGE ? cached.result.hits[0] : undefined;
    // Named in words only: a refusal carries no citation chips, so nothing looks like an answer.
    const source = hit?.article ? ` (xem Điều ${hit.article} ${hit.document.name})` : '';
    return render('refusal-unlawful.vi.txt', { consequence: r.consequence.replace(/\.$/, ''), source: `${source}.`, alternative: r.alternative });
  }
  if (r?.kind !== 'offtopic') return render('not-in-library.vi.txt', { legalAid: legalAidPhone ? ` (${legalAidPhone})` : '' });
  return render('out-of-scope.vi.txt', { lead: r.lead ? `${r.lead} ` : 'Hiểu Luật chưa tìm thấy văn bản nào trong thư viện trả lời câu hỏi này. ' });
}
