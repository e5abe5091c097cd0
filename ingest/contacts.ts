import type { Queryable } from '../store/db.js';

/**
 * Local phone numbers and addresses that an official document gives ("Đường dây nóng của Hội
 * LHPN tỉnh: 0237 3852 111", "Địa chỉ: số 12 Lê Lợi, phường Điện Biên"), with what they are for
 * and the section they came from. They are shown with that source; none becomes an emergency
 * number until an official confirms it in the console.
 */

export interface FoundContact {
  kind: 'phone' | 'address';
  value: string;
  label: string;
  section: string[] | null;
}

// Landlines with their area code ("0237 3852 111", "(0237) 3.852.111"), mobiles ("0912 345 678")
// and free lines ("1800 1567"). Three-digit national numbers (111, 113) are configured, not found.
const PHONE_RE = /(?<![\d/.-])(\(?0\d{2,3}\)?[\s.]?\d{3,4}[\s.]?\d{3,4}|0\d{9}|1[89]00[\s.]?\d{4}(?:[\s.]?\d{2})?)(?![\d/-])/gu;
// A number only counts where the line says it is one.
const PHONE_CUE_RE = /điện thoại|đường dây nóng|tổng đài|hotline|\bĐT\b|\bSĐT\b|số máy|liên hệ|gọi/iu;
const ADDRESS_RE = /(?:địa chỉ|trụ sở|nơi tiếp nhận)[^:]{0,60}:\s*([^;]{8,160}?)(?:[;]|\.?$)/iu;

export function findContacts(chunks: { text: string; section?: string[] | null }[]): FoundContact[] {
  const out: FoundContact[] = [];
  const seen = new Set<string>();
  const add = (c: FoundContact) => {
    const key = `${c.kind}|${c.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const chunk of chunks) {
    for (const line of chunk.text.split('\n')) {
      if (PHONE_CUE_RE.test(line)) {
        for (const m of line.matchAll(PHONE_RE)) {
          const value = m[1]!.replace(/[().]/g, ' ').replace(/\s+/g, ' ').trim();
          add({ kind: 'phone', value, label: labelBefore(line, m.index), section: chunk.section ?? null });
        }
      }
      const a = ADDRESS_RE.exec(line);
      if (a) add({ kind: 'address', value: a[1]!.trim().replace(/[.,]$/, ''), label: labelBefore(line, a.index) || 'Địa chỉ', section: chunk.section ?? null });
    }
  }
  return out;
}

/** What the line says the number is for: the words before it, without list markers and cue words. */
function labelBefore(line: string, at: number): string {
  return line
    .slice(0, at)
    .replace(/^(?:[-–+•*]|[a-zđ]\)|\d+(?:\.\d+)*\.)\s*/u, '')
    .replace(/\s*(?:số\s+)?(?:điện thoại|ĐT|SĐT)?\s*[:(,-]*\s*$/iu, '')
    .trim()
    .slice(-120);
}

/** Before a re-parse: numbers an official confirmed stay (found again or not), the others are found anew. */
export async function dropUnconfirmedContacts(q: Queryable, documentId: string): Promise<void> {
  await q.query('delete from document_contacts where document_id = $1 and confirmed_at is null', [documentId]);
}

export async function insertContacts(q: Queryable, documentId: string, contacts: FoundContact[]): Promise<void> {
  for (const c of contacts) {
    await q.query(
      `insert into document_contacts (document_id, kind, value, label, section) values ($1, $2, $3, $4, $5)
       on conflict (document_id, kind, value) do nothing`,
      [documentId, c.kind, c.value, c.label || (c.kind === 'phone' ? 'Số điện thoại' : 'Địa chỉ'), c.section],
    );
  }
}
