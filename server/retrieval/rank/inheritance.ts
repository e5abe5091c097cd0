import { fold } from '../../../ingest/text/vietnamese.js';
import type { IndexedChunk, ScoredChunk } from '../index/lexical-index.js';
import { lowerWhere } from './lower.js';

/**
 * An article on inheritance shares the words of a living family's question and adds a death:
 * "vợ chồng ly thân 2 năm rồi chồng có con riêng với người khác thì em có đòi được gì ko" had
 * led with BLDS Điều 655 (inheritance when spouses were divorcing or had remarried). Unless she
 * asks about what someone leaves, the chunks of a division on inheritance (a part or chapter titled
 * "THỪA KẾ", `chunks.path`) lose this share of the best score, as a children's law does when she
 * names no child (children.ts). Measured against 0: member probes 1–6 MRR +0.001, −0.003 (one
 * question reordered by the contrast stage), +0.002, +0.007, 0, +0.003, probe 7 R@5 0.935 → 0.941;
 * dev, blind and held-out phrasings unchanged; 0.2 measured the same.
 */
export const INHERITANCE_UNASKED_PENALTY = 0.1;

/** The thesaurus topic of inheritance (data/topics.tsv). */
export const INHERITANCE_TOPIC = 'thua_ke';

/**
 * Folded words naming a will, an estate, an inheritance or what someone leaves, which ask about
 * inheritance whether or not she names the death. Over-inclusive on purpose ("hưởng" is also
 * "hưởng lương"): a miss only leaves the order as it was.
 */
const ESTATE_WORDS = /\b(thua ke|di chuc|di san|de lai|huong|gia tai|chuc thu|(tai san|dat|nha|tien|so do) cua (bo|me|cha|ong|ba|chong|vo))\b/;

/** Folded words naming a death. */
const DEATH_WORDS = /\b(chet|mat|qua doi|tu tran|khuat|hi sinh|goa)\b/;

/**
 * Beside a death, the folded words of property, a share or a debt: the death is then what she asks
 * about ("chồng mất, nhà chồng đòi chia đất"). Without them the death is the background of another
 * question — "chồng em mất 2 năm rồi, giờ em muốn đi bước nữa thì có phải xin phép nhà chồng không"
 * had led with BLDS Điều 655 khoản 3 (a widow who remarries still inherits), though she asks whether
 * anyone may stop her marrying. "nhà" counts only as a house ("căn nhà", "nhà đất", "chia nhà"),
 * never as a family ("nhà chồng", "nhà nội", "ở nhà").
 */
const PROPERTY_WORDS =
  /\b(tai san|cua cai|dat|ruong|vuon|so do|so hong|tien|tiet kiem|vang|xe|chia|phan (cua|tai san|dat|nha|tien)|quan ly|duoc gi|duoc nhung gi|no nan|(tra|vay|khoan|mon|chu|doi|gianh|giay|ganh) no|no (ngan hang|tin dung|cua)|(can|ngoi|chia|ban|xay|mua|giu|giay to|so) nha|nha (cua|dat|cua nha|o|do|xay))\b/;

/**
 * Whether the question asks about what someone leaves: a will, an estate or an inheritance named,
 * or a death named beside property, a share or a debt, or beside a phrase the thesaurus reads as
 * inheritance (`topics`: "nói miệng trước khi mất"). A death alone is the background of her question
 * (remarrying, the children, khai tử, chế độ tử tuất), not an inheritance; without a death a phrase
 * of the topic asks nothing more than before ("chia của ra riêng" is dividing a living couple's
 * property).
 */
export function asksEstate(question: string, topics: readonly string[] = []): boolean {
  const text = question.normalize('NFC').toLowerCase();
  const folded = fold(text);
  if (ESTATE_WORDS.test(folded)) return true;
  if (!DEATH_WORDS.test(folded)) return false;
  return PROPERTY_WORDS.test(folded) || /(?<!\p{L})nợ(?!\p{L})/u.test(text) || topics.includes(INHERITANCE_TOPIC);
}

/**
 * `ranked` with INHERITANCE_UNASKED_PENALTY of the best score taken from every chunk in a division
 * on inheritance, when she does not ask about inheritance (`asked`: asksEstate); unchanged
 * (the same array) otherwise.
 */
export function withoutInheritanceUnasked(
  chunks: readonly IndexedChunk[],
  ranked: ScoredChunk[],
  asked: boolean,
  penalty = INHERITANCE_UNASKED_PENALTY,
): ScoredChunk[] {
  if (penalty <= 0 || !ranked.length || asked) return ranked;
  return lowerWhere(ranked, penalty, (i) => chunks[i]!.inheritance === true);
}
